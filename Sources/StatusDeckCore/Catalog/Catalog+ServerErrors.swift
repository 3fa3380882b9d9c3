extension Catalog {
    /// 5xx: the server is aware it has erred or cannot perform the request.
    static let serverErrors: [StatusCode] = [
        StatusCode(
            code: 503, phrase: "Service Unavailable",
            reference: "RFC 9110 §15.6.4",
            name: Localized(zh: "服务不可用", en: "Service Unavailable"),
            summary: Localized(
                zh: "服务器暂时无法处理请求（过载或维护中），稍后可能恢复。",
                en: "The server cannot handle the request for now (overload or maintenance) and will likely recover."),
            detail: Localized(
                zh: "这是暂时状态。服务器可以用 Retry-After 告诉客户端多久后重试。过载时服务器并不一定发 503，也可能直接拒绝连接。",
                en: "The condition is temporary. The server may send Retry-After to say when to try again. An overloaded server need not send 503 at all; some simply refuse the connection."),
            scenario: Localized(
                zh: "网站正在进行计划内的数据库迁移，所有请求都收到“维护中，一小时后再来”的回应。",
                en: "A site is in the middle of a planned database migration and every request is told to come back in an hour."),
            headers: ["Retry-After"],
            confusions: [
                Confusion(code: 429, why: Localized(
                    zh: "429 是这个客户端请求太多；503 是服务器整体暂时不可用，与谁发请求无关。",
                    en: "429 means this client sent too many requests; 503 means the server is unavailable to everyone.")),
                Confusion(code: 500, why: Localized(
                    zh: "500 是意外的内部错误；503 是暂时的、可预期的不可用，常带 Retry-After。",
                    en: "500 is an unexpected fault; 503 is a temporary, expected outage, often with Retry-After.")),
                Confusion(code: 502, why: Localized(
                    zh: "502 是网关收到上游的无效响应；503 是服务本身暂时无法服务。",
                    en: "502 is a gateway that got an invalid upstream response; 503 is the service itself being unavailable.")),
            ]),
    ]
}
