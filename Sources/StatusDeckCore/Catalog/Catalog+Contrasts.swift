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
                en:
                    "401: no valid authentication, so retry with credentials; 403: the server understood and refuses, and repeating with the same credentials will not help."
            ),
            explanation: Localized(
                zh:
                    "401 的短语是 Unauthorized，含义却是“未认证”；它必须带 WWW-Authenticate 头，说明该怎样认证。403 Forbidden 表示服务器理解了请求但拒绝执行，可能是权限不足，也可能与身份无关（例如 IP 被封）。想连资源是否存在都隐藏时，可以用 404 代替 403。",
                en:
                    "401's phrase says Unauthorized but it means unauthenticated; it must carry WWW-Authenticate saying how to authenticate. 403 Forbidden means the server understood the request and will not fulfil it: missing permissions, or something unrelated to identity such as a blocked IP address. To hide even that the resource exists, a server may send 404 instead of 403."
            )),
        // One question per card: the old id keeps "permanent or temporary", the part its first
        // answer led with; the method rule and 303 have cards of their own.
        Contrast(
            slug: "301-302-303-307-308", codes: [301, 302, 307, 308],
            prompt: Localized(
                zh: "301、302、307、308 中，哪两个表示永久重定向？",
                en: "Of 301, 302, 307 and 308, which two are permanent redirects?"),
            answer: Localized(
                zh: "301 和 308（302 和 307 是临时的）。",
                en: "301 and 308 (302 and 307 are temporary)."),
            explanation: Localized(
                zh: "永久重定向告诉客户端以后直接用 Location 里的新地址：书签和链接应当更新，响应默认可以被缓存。临时重定向则表示以后仍应使用原来的地址，默认不缓存。",
                en:
                    "A permanent redirect tells the client to use the URI in Location from now on: bookmarks and links should be updated, and the response is cacheable by default. A temporary one means the original URI stays in use, and it is not cached by default."
            )),
        Contrast(
            slug: "307-308-keep-method", codes: [301, 302, 307, 308],
            prompt: Localized(
                zh: "301、302、307、308 中，哪两个要求客户端跟随时保持原来的请求方法（POST 仍是 POST）？",
                en: "Of 301, 302, 307 and 308, which two require the client to keep the request method when it follows them (a POST stays a POST)?"),
            answer: Localized(
                zh: "307 和 308（跟随 301 和 302 时，客户端可以把 POST 改成 GET）。",
                en: "307 and 308 (following 301 or 302, a client may turn a POST into a GET)."),
            explanation: Localized(
                zh: "出于历史原因，浏览器跟随 301 和 302 时常把 POST 改成 GET，规范后来承认了这种做法。307（临时）和 308（永久）就是为了禁止这种改变而引入的：请求方法和请求体都保持不变。",
                en:
                    "For historical reasons browsers often turned POST into GET when following 301 and 302, and the specification came to allow it. 307 (temporary) and 308 (permanent) were added to forbid that change: the method and the content stay the same."
            )),
        Contrast(
            slug: "303-see-other", codes: [303, 302, 307],
            prompt: Localized(
                zh: "303 做了什么是 302 和 307 不做的？",
                en: "What does 303 do that 302 and 307 do not?"),
            answer: Localized(
                zh: "不论原来是什么方法，它都让客户端用 GET 去取另一个资源（常用于表单 POST 之后）。",
                en: "Whatever the original method, it sends the client to GET a different resource (the usual answer after a form POST)."),
            explanation: Localized(
                zh: "303 See Other 不是说资源搬家了，而是说这次请求的结果在另一个地址，请用 GET 去取。典型用法是“POST 之后重定向再 GET”（Post/Redirect/Get）：提交表单后跳到结果页，刷新页面不会重复提交。",
                en:
                    "303 See Other does not say the resource moved; it says the result of this request is at another URI, to be fetched with GET. The classic use is Post/Redirect/Get: after a form submission the browser lands on a result page, and reloading it does not submit again."
            )),
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
                en:
                    "In practice 502 points at an upstream that crashed, reset the connection or sent garbage; 504 at an upstream that was too slow or unreachable before the gateway gave up. Both say the trouble lies behind the gateway, not in it."
            )),
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
                en:
                    "410 lets clients and search engines drop links to the resource, and is cacheable by default. When the server does not know, or will not say, whether the absence is permanent, 404 is right. A resource that merely moved deserves a 301 or 308, not a 410."
            )),
        Contrast(
            slug: "400-422", codes: [400, 422],
            prompt: Localized(
                zh: "400 和 422 的区别是什么？",
                en: "What separates 400 from 422?"),
            answer: Localized(
                zh: "400：请求本身有错（语法、格式、报文分帧），服务器无法处理；422：格式正确、能看懂，但内容在语义上无法处理。",
                en:
                    "400: the request itself is malformed (syntax, framing), so it cannot be processed; 422: well-formed and understood, but its content cannot be processed."
            ),
            explanation: Localized(
                zh:
                    "例子：JSON 少了一个右括号是 400；JSON 完全合法，但 end_date 早于 start_date 是 422。422 原名 Unprocessable Entity，来自 WebDAV，RFC 9110 把它改名为 Unprocessable Content 并纳入核心规范。",
                en:
                    "Example: JSON missing a closing brace is a 400; valid JSON whose end_date precedes its start_date is a 422. 422 began in WebDAV as Unprocessable Entity; RFC 9110 renamed it Unprocessable Content and made it core HTTP."
            )),
        Contrast(
            slug: "429-503", codes: [429, 503],
            prompt: Localized(
                zh: "429 和 503 的区别是什么？",
                en: "What separates 429 from 503?"),
            answer: Localized(
                zh: "429：这个客户端在一段时间内请求太多（限流）；503：服务器整体暂时不可用。两者都可以带 Retry-After。",
                en:
                    "429: this client sent too many requests in a given time (rate limiting); 503: the server as a whole is temporarily unavailable. Both may carry Retry-After."
            ),
            explanation: Localized(
                zh: "429 是客户端错误，针对的是发请求的一方，放慢速度就会好；503 是服务器错误，无论谁来都一样，常见于过载或维护。",
                en:
                    "429 is a client error aimed at whoever is sending too fast, and slowing down fixes it; 503 is a server error that affects everyone alike, typically overload or maintenance."
            )),
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
                en:
                    "204 ends after the header section; it suits a PUT or DELETE after which the page need not change. 206 must say which part it holds (Content-Range for one range, multipart/byteranges for several). A server may ignore Range and answer 200 with everything."
            )),
        // Split in two: the old id keeps the question it asked first, how to revalidate.
        Contrast(
            slug: "304-caching", codes: [304, 200],
            prompt: Localized(
                zh: "缓存中的响应 ETag 是 \"v7\"，浏览器怎样向服务器确认它是否还能用？",
                en: "A cached response has ETag \"v7\". How does the browser ask the server whether it is still good?"),
            answer: Localized(
                zh: "发送带 If-None-Match: \"v7\" 的条件 GET。",
                en: "It sends a conditional GET with If-None-Match: \"v7\"."),
            explanation: Localized(
                zh: "也可以用 If-Modified-Since 配合 Last-Modified。服务器比较后，没变就回 304，变了就回 200 和新内容。",
                en:
                    "If-Modified-Since with Last-Modified works the same way. The server compares, then answers 304 if nothing changed or 200 with the new content if it did."
            )),
        Contrast(
            slug: "304-412-conditions", codes: [304, 412],
            prompt: Localized(
                zh: "条件请求的条件不成立时，什么时候回 304，什么时候回 412？",
                en: "When a request's condition does not hold, when is the answer 304 and when 412?"),
            answer: Localized(
                zh: "GET 或 HEAD 带 If-None-Match / If-Modified-Since 而资源没变：304；其他条件失败（例如 PUT 带的 If-Match 已过时）：412。",
                en:
                    "A GET or HEAD whose If-None-Match or If-Modified-Since shows nothing changed: 304. Any other failed condition (a PUT with a stale If-Match, say): 412."
            ),
            explanation: Localized(
                zh: "304 其实是好消息：缓存的副本仍然有效，响应没有内容，但应带上 ETag、Cache-Control、Expires、Vary 等头来更新缓存的元数据。412 则表示请求没有执行，常用来防止“丢失更新”：两个人同时编辑，后提交的那个因版本不符而失败。",
                en:
                    "304 is good news: the cached copy is still valid; the response has no content but carries ETag, Cache-Control, Expires and Vary to refresh the cache's metadata. 412 means the request was not carried out, often to prevent a lost update when two people edit at once and the second save carries a stale version."
            )),
        Contrast(
            slug: "reason-phrase", codes: [200, 404],
            prompt: Localized(
                zh: "客户端能依靠响应里的原因短语（例如 404 后面的 Not Found）来判断结果吗？",
                en: "Can a client rely on the reason phrase in a response (the Not Found after 404, say) to decide what happened?"),
            answer: Localized(
                zh: "不能：原因短语只是给人看的说明，可以是任何文字；HTTP/2 和 HTTP/3 根本不传它，只有状态码有意义。",
                en: "No: the reason phrase is advisory text for people and may say anything; HTTP/2 and HTTP/3 do not carry it at all. Only the code counts."),
            explanation: Localized(
                zh: "RFC 9110 规定客户端应忽略原因短语，它只是状态码的文字描述。HTTP/1.1 的状态行里还有它（也可以为空），而 HTTP/2 和 HTTP/3 只有一个 :status 伪头字段，没有短语。本卡组里的短语是注册表推荐的写法。",
                en:
                    "RFC 9110 says a client should ignore the reason phrase: it is only a textual description of the code. An HTTP/1.1 status line still has one (possibly empty); HTTP/2 and HTTP/3 carry only the :status pseudo-header, with no phrase. The phrases in these decks are the ones the registry recommends."
            )),
        Contrast(
            slug: "405-options", codes: [405, 501],
            prompt: Localized(
                zh: "怎样在调用之前就知道一个资源支持哪些方法？405 响应又告诉你什么？",
                en: "How can a client learn which methods a resource supports before calling it, and what does a 405 response tell it?"),
            answer: Localized(
                zh: "发一个 OPTIONS 请求，看响应的 Allow 头；405 响应同样必须带 Allow，列出该资源允许的方法。",
                en:
                    "Send an OPTIONS request and read the Allow header of the response; a 405 response must carry Allow too, listing the methods the resource does allow."
            ),
            explanation: Localized(
                zh: "Allow 头列出目标资源支持的方法，例如 Allow: GET, HEAD。405 表示服务器认识这个方法，但这个资源不接受；如果服务器对任何资源都不支持这个方法，应回 501。",
                en:
                    "Allow lists the methods the target resource supports, e.g. Allow: GET, HEAD. 405 says the server knows the method but this resource does not accept it; a method the server supports for no resource at all gets 501."
            )),
    ]
}
