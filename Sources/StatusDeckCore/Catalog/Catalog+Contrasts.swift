extension Catalog {
    /// The classic mix-ups, each turned into one contrast card.
    public static let contrasts: [Contrast] = [
        Contrast(
            slug: "401-403", codes: [401, 403],
            prompt: Localized(
                zh: "401 和 403 的区别是什么？",
                en: "What separates 401 from 403?"),
            answer: Localized(
                zh: "401：没有（有效的）身份认证，带上凭据再试；403：服务器理解请求但拒绝执行，用同样的凭据重试没有用。",
                en: "401: no valid authentication, so retry with credentials; 403: the server understood and refuses, and repeating with the same credentials will not help."),
            explanation: Localized(
                zh: "401 的短语是 Unauthorized，含义却是“未认证”；它必须带 WWW-Authenticate 头，说明该怎样认证。403 Forbidden 表示服务器理解了请求但拒绝执行，可能是权限不足，也可能与身份无关（例如 IP 被封）。想连资源是否存在都隐藏时，可以用 404 代替 403。",
                en: "401's phrase says Unauthorized but it means unauthenticated; it must carry WWW-Authenticate saying how to authenticate. 403 Forbidden means the server understood the request and will not fulfil it: missing permissions, or something unrelated to identity such as a blocked IP address. To hide even that the resource exists, a server may send 404 instead of 403.")),
        Contrast(
            slug: "301-302-303-307-308", codes: [301, 302, 303, 307, 308],
            prompt: Localized(
                zh: "301、302、303、307、308 各在什么时候用？",
                en: "When is each of 301, 302, 303, 307 and 308 used?"),
            answer: Localized(
                zh: "永久：301（POST 可能变 GET）、308（方法不变）；临时：302（POST 可能变 GET）、307（方法不变）；303：改用 GET 去取另一个资源。",
                en: "Permanent: 301 (POST may become GET), 308 (method kept). Temporary: 302 (POST may become GET), 307 (method kept). 303: GET another resource instead."),
            explanation: Localized(
                zh: "它们都用 Location 头给出目标地址。看两个问题：一是永久还是临时（永久的应更新链接、默认可缓存）；二是方法是否可以改变。301 和 302 出于历史原因允许浏览器把 POST 改成 GET，307 和 308 是为了禁止这种改变而引入的。303 则总是要求用 GET，常用于表单提交后的“重定向再 GET”。",
                en: "All five give the target in Location. Ask two questions: permanent or temporary (permanent means update links, and is cacheable by default), and may the method change? For historical reasons 301 and 302 let browsers turn POST into GET; 307 and 308 were added to forbid that. 303 always means GET, the usual answer after a form POST (Post/Redirect/Get).")),
        Contrast(
            slug: "502-504", codes: [502, 504],
            prompt: Localized(
                zh: "502 和 504 的区别是什么？",
                en: "What separates 502 from 504?"),
            answer: Localized(
                zh: "都是网关或代理发出的：502 是上游回了无效的响应，504 是上游没有及时回应。",
                en: "Both come from a gateway or proxy: 502 means the upstream answered with something invalid, 504 means it did not answer in time."),
            explanation: Localized(
                zh: "排查时，502 常见于上游进程崩溃、连接被重置或返回了无法解析的数据；504 常见于上游太慢或网络不通导致超时。两者都说明问题出在网关之后，而不是网关本身的逻辑。",
                en: "In practice 502 points at an upstream that crashed, reset the connection or sent garbage; 504 at an upstream that was too slow or unreachable before the gateway gave up. Both say the trouble lies behind the gateway, not in it.")),
        Contrast(
            slug: "404-410", codes: [404, 410],
            prompt: Localized(
                zh: "404 和 410 的区别是什么？",
                en: "What separates 404 from 410?"),
            answer: Localized(
                zh: "404：没找到，不说是否永久；410：资源已永久消失且没有新地址。",
                en: "404: not found, permanence unknown; 410: gone for good, with no forwarding address."),
            explanation: Localized(
                zh: "410 让客户端和搜索引擎可以删除指向该资源的链接，默认可以被缓存。服务器不知道或不想说明是否永久时用 404。若资源只是搬走了，应该用 301 或 308 重定向，而不是 410。",
                en: "410 lets clients and search engines drop links to the resource, and is cacheable by default. When the server does not know, or will not say, whether the absence is permanent, 404 is right. A resource that merely moved deserves a 301 or 308, not a 410.")),
        Contrast(
            slug: "400-422", codes: [400, 422],
            prompt: Localized(
                zh: "400 和 422 的区别是什么？",
                en: "What separates 400 from 422?"),
            answer: Localized(
                zh: "400：请求本身有错（语法、格式、框架），服务器无法处理；422：格式正确、能看懂，但内容在语义上无法处理。",
                en: "400: the request itself is malformed (syntax, framing), so it cannot be processed; 422: well-formed and understood, but its content cannot be processed."),
            explanation: Localized(
                zh: "例子：JSON 少了一个右括号是 400；JSON 完全合法，但 end_date 早于 start_date 是 422。422 原名 Unprocessable Entity，来自 WebDAV，RFC 9110 把它改名为 Unprocessable Content 并纳入核心规范。",
                en: "Example: JSON missing a closing brace is a 400; valid JSON whose end_date precedes its start_date is a 422. 422 began in WebDAV as Unprocessable Entity; RFC 9110 renamed it Unprocessable Content and made it core HTTP.")),
        Contrast(
            slug: "429-503", codes: [429, 503],
            prompt: Localized(
                zh: "429 和 503 的区别是什么？",
                en: "What separates 429 from 503?"),
            answer: Localized(
                zh: "429：这个客户端在一段时间内请求太多（限流）；503：服务器整体暂时不可用。两者都可以带 Retry-After。",
                en: "429: this client sent too many requests in a given time (rate limiting); 503: the server as a whole is temporarily unavailable. Both may carry Retry-After."),
            explanation: Localized(
                zh: "429 是客户端错误，针对的是发请求的一方，放慢速度就会好；503 是服务器错误，无论谁来都一样，常见于过载或维护。",
                en: "429 is a client error aimed at whoever is sending too fast, and slowing down fixes it; 503 is a server error that affects everyone alike, typically overload or maintenance.")),
        Contrast(
            slug: "200-204-206", codes: [200, 204, 206],
            prompt: Localized(
                zh: "200、204、206 的区别是什么？",
                en: "What separates 200, 204 and 206?"),
            answer: Localized(
                zh: "200：成功并带（完整的）内容；204：成功但没有内容；206：成功返回 Range 请求的那一部分。",
                en: "200: success with the (whole) content; 204: success with no content; 206: success with just the part a Range asked for."),
            explanation: Localized(
                zh: "204 在头部之后就结束，常用于 PUT、DELETE 后页面不需要变化的情况。206 必须说明返回的是哪一段（单个范围用 Content-Range，多个范围用 multipart/byteranges）。服务器可以忽略 Range，直接回 200 和完整内容。",
                en: "204 ends after the header section; it suits a PUT or DELETE after which the page need not change. 206 must say which part it holds (Content-Range for one range, multipart/byteranges for several). A server may ignore Range and answer 200 with everything.")),
        Contrast(
            slug: "304-caching", codes: [304, 200, 412],
            prompt: Localized(
                zh: "缓存中的响应 ETag 是 \"v7\"，浏览器如何重新验证？304 意味着什么？",
                en: "A cached response has ETag \"v7\". How does the browser revalidate it, and what does 304 mean?"),
            answer: Localized(
                zh: "发送带 If-None-Match: \"v7\" 的条件 GET；没变则回 304 且无内容，继续用缓存；变了则回 200 和新内容。",
                en: "Send a conditional GET with If-None-Match: \"v7\"; unchanged gives 304 with no content and the cache is reused; changed gives 200 with the new content."),
            explanation: Localized(
                zh: "也可以用 If-Modified-Since 配合 Last-Modified。304 应带上 ETag、Cache-Control、Expires、Vary 等头，用来更新缓存的元数据。304 只用于 GET 和 HEAD；其他条件失败（例如 PUT 带 If-Match 而版本已变）用 412。",
                en: "If-Modified-Since with Last-Modified works the same way. A 304 carries ETag, Cache-Control, Expires and Vary so the cache can update its metadata. 304 is for GET and HEAD only; other failed conditions (a PUT with a stale If-Match, say) get 412.")),
    ]
}
