extension Catalog {
    /// 3xx: the client must take further action, usually follow Location, to finish the request.
    static let redirection: [StatusCode] = [
        StatusCode(
            code: 300, phrase: "Multiple Choices",
            reference: "RFC 9110 §15.4.1",
            name: Localized(zh: "多种选择", en: "Multiple Choices"),
            summary: Localized(
                zh: "目标资源有多种表示可选，每种有自己的地址，由客户端或用户挑一个。",
                en: "The target resource has several representations, each with its own URI, and the client or user picks one."),
            detail: Localized(
                zh: "这是“被动协商”：服务器不替客户端选择，而是列出选项。HTTP 没有规定列表的格式，通常是带链接的页面。若服务器有偏好的选项，可以放在 Location 中，客户端可以自动跳过去。默认可以被缓存。实际很少使用。",
                en:
                    "This is reactive negotiation: instead of choosing for the client, the server lists the options. HTTP fixes no format for the list; a page of links is usual. A preferred choice may go in Location, and a client may follow it automatically. Cacheable by default. Rare in practice."
            ),
            scenario: Localized(
                zh: "一份文档同时有 PDF、HTML 和 EPUB 三种版本，服务器不替用户决定，返回一个列出三个链接的页面。",
                en: "A document exists as PDF, HTML and EPUB; the server will not choose and returns a page listing the three links."),
            headers: ["Location"],
            confusions: [
                Confusion(
                    code: 406,
                    why: Localized(
                        zh: "300 列出可选的表示让客户端挑；406 表示没有任何表示符合客户端的要求。",
                        en: "300 offers representations to choose from; 406 says none matches what the client accepts."))
            ]),
        StatusCode(
            code: 301, phrase: "Moved Permanently",
            reference: "RFC 9110 §15.4.2",
            name: Localized(zh: "永久移动", en: "Moved Permanently"),
            summary: Localized(
                zh: "资源已永久移到 Location 给出的新 URI，以后的请求应使用新地址。",
                en: "The resource has moved for good to the URI in Location; future requests should use it."),
            detail: Localized(
                zh: "客户端应更新保存的链接，搜索引擎会把权重转到新地址；默认可以被缓存。历史原因：浏览器在跟随 301 时可能把 POST 改成 GET，如果必须保持方法不变，应使用 308。",
                en:
                    "Clients should update stored links and search engines move their ranking to the new URI; cacheable by default. For historical reasons a user agent may change POST to GET when following a 301; if the method must stay the same, use 308."
            ),
            scenario: Localized(
                zh: "网站从 http://old.example 整体永久搬到 https://new.example。旧链接和书签都只是普通的 GET 页面访问，而且跳转必须连最古老、还不认识“保持方法”那个新码的客户端也能自动跟随。",
                en:
                    "A site moves for good from http://old.example to https://new.example. Old links and bookmarks are plain GET page views, and the redirect must be followed automatically even by very old clients that predate the method-keeping permanent code."
            ),
            headers: ["Location"],
            confusions: [
                Confusion(
                    code: 308,
                    why: Localized(
                        zh: "都是永久重定向；301 允许 POST 改为 GET，308 禁止改变方法和内容。",
                        en: "Both are permanent; 301 lets POST become GET, 308 forbids changing the method and content.")),
                Confusion(
                    code: 302,
                    why: Localized(
                        zh: "301 是永久的，客户端应更新链接；302 是暂时的，以后仍用原地址。",
                        en: "301 is permanent and links should be updated; 302 is temporary and the old URI stays in use.")),
                Confusion(
                    code: 410,
                    why: Localized(
                        zh: "301 说资源搬走了并给出新地址；410 说资源永久没了，也没有新地址。",
                        en: "301 says the resource moved and gives the new URI; 410 says it is gone for good with nowhere to go.")),
            ]),
        StatusCode(
            code: 302, phrase: "Found",
            formerPhrases: ["Moved Temporarily"],
            reference: "RFC 9110 §15.4.3",
            name: Localized(zh: "找到", en: "Found"),
            summary: Localized(
                zh: "资源暂时位于 Location 给出的另一个 URI，以后仍应使用原来的地址。",
                en: "The resource is temporarily at the URI in Location; keep using the original URI in future."),
            detail: Localized(
                zh: "HTTP/1.0 时叫 Moved Temporarily。历史原因：浏览器跟随 302 时常把 POST 改为 GET，这一做法后来被写进规范。想明确要求改用 GET，用 303；想保证方法不变，用 307。默认不缓存，除非有明确的缓存指示。",
                en:
                    "Called Moved Temporarily in HTTP/1.0. For historical reasons user agents often turn POST into GET when following a 302, and the specification now allows it. To demand a GET, use 303; to keep the method, use 307. Not cached unless explicitly marked cacheable."
            ),
            scenario: Localized(
                zh: "未登录的用户用 GET 打开 /dashboard，网站暂时把他带到 /login 页面，登录后仍使用原地址。",
                en: "A signed-out user opens /dashboard with a GET and the site sends them to /login for now; afterwards the original address is used again."),
            headers: ["Location"],
            confusions: [
                Confusion(
                    code: 307,
                    why: Localized(
                        zh: "都是临时重定向；302 允许 POST 改为 GET，307 禁止改变方法。",
                        en: "Both are temporary; 302 lets POST become GET, 307 forbids changing the method."), alsoFitsScenario: true),
                Confusion(
                    code: 303,
                    why: Localized(
                        zh: "302 只是说资源暂时在别处；303 明确要求用 GET 去另一个地址取结果。",
                        en: "302 just says the resource is elsewhere for now; 303 explicitly sends the client to GET another URI."), alsoFitsScenario: true),
                Confusion(
                    code: 301,
                    why: Localized(
                        zh: "302 是暂时的；301 是永久的，客户端应更新链接。",
                        en: "302 is temporary; 301 is permanent and links should be updated.")),
            ]),
        StatusCode(
            code: 303, phrase: "See Other",
            reference: "RFC 9110 §15.4.4",
            name: Localized(zh: "查看其他位置", en: "See Other"),
            summary: Localized(
                zh: "请客户端用 GET 到 Location 给出的另一个 URI 去取结果。",
                en: "The client should GET a different URI, given in Location, for the result."),
            detail: Localized(
                zh: "最常见的用法是 POST 之后“重定向再 GET”（Post/Redirect/Get）：表单提交后跳到结果页，刷新页面不会重复提交。无论原请求用什么方法，跟随 303 时都用 GET（或 HEAD）。它也可以用来说明目标资源无法直接表示、请看另一个描述它的资源。",
                en:
                    "Its best-known use is Post/Redirect/Get: after a form POST the browser is sent to a result page, so reloading does not submit again. Whatever the original method, the client follows a 303 with GET (or HEAD). It can also say the target cannot be represented directly and another resource describes it."
            ),
            scenario: Localized(
                zh: "用户 POST 提交付款表单，服务器处理后让浏览器用 GET 打开 /receipt/42 收据页，这样刷新不会重复扣款。",
                en: "A user POSTs a payment form; the server processes it and sends the browser to GET /receipt/42, so a reload does not charge twice."),
            headers: ["Location"],
            confusions: [
                Confusion(
                    code: 302,
                    why: Localized(
                        zh: "302 是资源暂时在别处，方法是否改变不确定；303 明确要求改用 GET。",
                        en: "302 says the resource is elsewhere and the method may or may not change; 303 always means switch to GET.")),
                Confusion(
                    code: 307,
                    why: Localized(
                        zh: "307 要求保持原方法再请求一次；303 要求改用 GET。",
                        en: "307 repeats the request with the same method; 303 switches to GET.")),
                Confusion(
                    code: 201,
                    why: Localized(
                        zh: "201 表示创建成功并用 Location 指向新资源；303 把客户端引导到另一个地址去 GET。",
                        en: "201 reports a creation and points at the new resource; 303 redirects the client to GET elsewhere.")),
            ]),
        StatusCode(
            code: 304, phrase: "Not Modified",
            reference: "RFC 9110 §15.4.5",
            name: Localized(zh: "未修改", en: "Not Modified"),
            summary: Localized(
                zh: "条件 GET 或 HEAD 的条件为假：资源没有变化，客户端继续使用缓存的副本。",
                en: "A conditional GET or HEAD found its condition false: nothing changed, so the client keeps using its cached copy."),
            detail: Localized(
                zh:
                    "客户端带着 If-None-Match（上次的 ETag）或 If-Modified-Since（上次的 Last-Modified）发请求；资源没变时，服务器回 304、不带内容，省下传输。304 应带上 200 响应本会有的 ETag、Cache-Control、Expires、Vary 等头，用来刷新缓存的元数据。它属于 3xx，是因为它把客户端“重定向”到缓存里的副本。",
                en:
                    "The client sends If-None-Match (the last ETag) or If-Modified-Since (the last Last-Modified); if the resource is unchanged, the server answers 304 with no content and the transfer is saved. A 304 carries the ETag, Cache-Control, Expires and Vary a 200 would have had, so the cache can refresh its metadata. It is a 3xx because it redirects the client to its cached copy."
            ),
            scenario: Localized(
                zh: "浏览器带着 If-None-Match: \"v7\" 重新请求 logo.png，服务器发现 ETag 仍是 \"v7\"，告诉浏览器直接用缓存。",
                en: "A browser asks for logo.png again with If-None-Match: \"v7\"; the ETag is still \"v7\", so the server tells it to use its cache."),
            headers: ["ETag", "Last-Modified", "If-None-Match", "If-Modified-Since", "Cache-Control", "Vary"],
            confusions: [
                Confusion(
                    code: 200,
                    why: Localized(
                        zh: "条件请求时，资源变了回 200 并带新内容；没变回 304、不带内容。",
                        en: "On a conditional request a changed resource gets 200 with content; an unchanged one gets 304 with none.")),
                Confusion(
                    code: 412,
                    why: Localized(
                        zh: "304 对应 GET/HEAD 上的 If-None-Match、If-Modified-Since；412 是其他条件（如 PUT 上的 If-Match）失败。",
                        en: "304 answers If-None-Match or If-Modified-Since on GET/HEAD; 412 is any other failed precondition, such as If-Match on PUT.")),
                Confusion(
                    code: 204,
                    why: Localized(
                        zh: "两者都没有内容：304 是“用你的缓存”，204 是“处理成功但没东西可返回”。",
                        en: "Neither has content: 304 means \"use your cache\", 204 means \"done, nothing to send\".")),
            ]),
        StatusCode(
            code: 305, phrase: "Use Proxy",
            reference: "RFC 9110 §15.4.6",
            flags: [.deprecated],
            name: Localized(zh: "使用代理", en: "Use Proxy"),
            summary: Localized(
                zh: "已弃用：曾用来要求客户端通过 Location 中的代理访问资源。",
                en: "Deprecated: once told the client to reach the resource through the proxy named in Location."),
            detail: Localized(
                zh: "在 HTTP 的早期规范中定义。让服务器在响应里随意指定代理存在安全问题（可以把流量引向攻击者），因此 RFC 7231 起已弃用，RFC 9110 只保留注册。客户端不应理会它。",
                en:
                    "Defined by earlier HTTP specifications. Letting a response pick the client's proxy is a security hole (traffic can be steered to an attacker), so it has been deprecated since RFC 7231; RFC 9110 keeps only the registration. Clients should ignore it."
            ),
            scenario: Localized(
                zh: "一个古老的服务器在响应中要求客户端改经某个代理访问资源，而现代客户端出于安全考虑不会照做。",
                en: "An ancient server answers that the resource must be fetched through a given proxy, and a modern client refuses for safety."),
            headers: ["Location"],
            confusions: [
                Confusion(
                    code: 407,
                    why: Localized(
                        zh: "305 是已弃用的“去用某个代理”；407 是代理本身要求客户端先认证。",
                        en: "305 is the deprecated \"go through this proxy\"; 407 is a proxy asking the client to authenticate."))
            ]),
        StatusCode(
            code: 306, phrase: "(Unused)",
            formerPhrases: ["Switch Proxy"],
            reference: "RFC 9110 §15.4.7",
            flags: [.unused],
            name: Localized(zh: "未使用（原 Switch Proxy）", en: "Unused (formerly Switch Proxy)"),
            summary: Localized(
                zh: "保留不用：早期草案用过，现在不再定义任何含义。",
                en: "Reserved: an early draft used it, and it now has no meaning at all."),
            detail: Localized(
                zh: "HTTP/1.1 的一个早期草案曾把它叫做 Switch Proxy，后来被删除。RFC 9110 说明它已不再使用，只是保留着。",
                en: "An early HTTP/1.1 draft called it Switch Proxy before dropping it. RFC 9110 says it is no longer used and only reserved."),
            scenario: Localized(
                zh: "这个代码已保留不用，现实中不应该看到它。",
                en: "This code is reserved and should never be seen."),
            confusions: [
                Confusion(
                    code: 305,
                    why: Localized(
                        zh: "305 曾有定义、后被弃用；306 从未在正式规范中定义，只是保留。",
                        en: "305 had a meaning and was deprecated; 306 never had one in a published specification.")),
                Confusion(
                    code: 418,
                    why: Localized(
                        zh: "两者在注册表中都登记为 (Unused)；418 出自愚人节 RFC，306 出自早期草案。",
                        en: "Both are registered as (Unused); 418 comes from an April Fools' RFC, 306 from an early draft.")),
            ]),
        StatusCode(
            code: 307, phrase: "Temporary Redirect",
            reference: "RFC 9110 §15.4.8",
            name: Localized(zh: "临时重定向", en: "Temporary Redirect"),
            summary: Localized(
                zh: "资源暂时位于 Location 的 URI，客户端必须用相同的方法和内容再请求一次。",
                en: "The resource is temporarily at the URI in Location, and the client must repeat the request there with the same method and content."),
            detail: Localized(
                zh: "为消除 302 的歧义而引入：跟随 307 时 POST 仍是 POST，请求内容也一起重发。因为是临时的，以后仍应使用原地址。默认不缓存。",
                en:
                    "Introduced to remove 302's ambiguity: a POST followed through a 307 stays a POST, with its content sent again. Being temporary, the original URI stays in use. Not cached by default."
            ),
            scenario: Localized(
                zh: "一台 API 服务器在维护，把发给它的 POST /upload 请求暂时转到备用节点，要求方法和请求体保持不变。",
                en: "An API server under maintenance temporarily sends POST /upload to a standby node, and the method and body must stay the same."),
            headers: ["Location"],
            confusions: [
                Confusion(
                    code: 302,
                    why: Localized(
                        zh: "都是临时的；302 允许 POST 改为 GET，307 不允许。",
                        en: "Both are temporary; 302 lets POST become GET, 307 does not.")),
                Confusion(
                    code: 308,
                    why: Localized(
                        zh: "都保持方法不变；307 是临时的，308 是永久的。",
                        en: "Both keep the method; 307 is temporary, 308 permanent.")),
                Confusion(
                    code: 303,
                    why: Localized(
                        zh: "307 用原方法重发；303 改用 GET。",
                        en: "307 repeats with the same method; 303 switches to GET.")),
            ]),
        StatusCode(
            code: 308, phrase: "Permanent Redirect",
            reference: "RFC 9110 §15.4.9",
            name: Localized(zh: "永久重定向", en: "Permanent Redirect"),
            summary: Localized(
                zh: "资源已永久移到 Location 的 URI，客户端必须用相同的方法和内容请求新地址。",
                en: "The resource has moved for good to the URI in Location, and the client must use the same method and content there."),
            detail: Localized(
                zh: "先由实验性的 RFC 7238、再由 RFC 7538 定义，现在并入 RFC 9110。它是“不改变方法的 301”：跟随时 POST 仍是 POST。客户端应更新链接；默认可以被缓存。",
                en:
                    "Defined first by the experimental RFC 7238, then by RFC 7538, and now part of RFC 9110. It is 301 without the method change: a POST stays a POST when followed. Clients should update links; cacheable by default."
            ),
            scenario: Localized(
                zh: "一个 API 把 /v1/upload 永久迁移到 /v2/upload，客户端发来的 POST 必须带着原来的请求体改投到新地址。",
                en: "An API moves /v1/upload to /v2/upload for good, and clients' POSTs must go to the new address with their bodies intact."),
            headers: ["Location"],
            confusions: [
                Confusion(
                    code: 301,
                    why: Localized(
                        zh: "都是永久的；301 允许 POST 改为 GET，308 不允许。",
                        en: "Both are permanent; 301 lets POST become GET, 308 does not.")),
                Confusion(
                    code: 307,
                    why: Localized(
                        zh: "都保持方法；308 是永久的，307 是临时的。",
                        en: "Both keep the method; 308 is permanent, 307 temporary.")),
            ]),
    ]
}
