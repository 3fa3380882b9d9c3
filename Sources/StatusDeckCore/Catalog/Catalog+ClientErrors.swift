extension Catalog {
    /// 4xx: the client seems to have erred.
    static let clientErrors: [StatusCode] = [
        StatusCode(
            code: 404, phrase: "Not Found",
            reference: "RFC 9110 §15.5.5",
            name: Localized(zh: "未找到", en: "Not Found"),
            summary: Localized(
                zh: "服务器没有找到目标资源的当前表示，或不愿透露它存在。",
                en: "The server has no current representation of the target resource, or will not say that one exists."),
            detail: Localized(
                zh: "404 不说明缺失是暂时的还是永久的。确知资源已永久删除时应用 410。服务器也可以用 404 代替 403，以隐藏资源的存在。默认可以被缓存。",
                en: "404 does not say whether the absence is temporary or permanent; when the server knows the resource is gone for good, 410 is more precise. A server may also send 404 instead of 403 to hide that a resource exists. Cacheable by default."),
            scenario: Localized(
                zh: "用户点开一个拼错的链接 /prodcuts/9，服务器上没有这个路径对应的资源。",
                en: "A user follows a mistyped link, /prodcuts/9, and the server has nothing at that path."),
            confusions: [
                Confusion(code: 410, why: Localized(
                    zh: "404 不说明是否永久；410 明确表示资源已永久消失。",
                    en: "404 leaves permanence open; 410 says the resource is gone for good.")),
                Confusion(code: 403, why: Localized(
                    zh: "403 承认资源存在但拒绝访问；404 可以用来连存在与否都不透露。",
                    en: "403 admits the resource exists but refuses; 404 may hide even that.")),
            ]),
    ]
}
