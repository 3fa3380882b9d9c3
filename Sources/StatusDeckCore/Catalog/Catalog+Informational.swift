extension Catalog {
    /// 1xx: interim responses. They never end an exchange; a final response always follows.
    static let informational: [StatusCode] = [
        StatusCode(
            code: 100, phrase: "Continue",
            reference: "RFC 9110 §15.2.1",
            name: Localized(zh: "继续", en: "Continue"),
            summary: Localized(
                zh: "请求的开头已收到且未被拒绝，客户端可以接着发送请求内容。",
                en: "The start of the request arrived and was not rejected; the client may send the content."),
            detail: Localized(
                zh: "客户端发送大请求体前先带上 Expect: 100-continue，只发请求头并等待。服务器若愿意接收，回 100，客户端再发送请求内容；若不愿意，直接回最终响应（例如 413 或 417），省下一次无用的上传。100 是临时响应，之后一定还有最终响应。",
                en:
                    "A client about to send a large body can send only the header section with Expect: 100-continue and wait. If the server is willing, it answers 100 and the client sends the content; if not, it sends a final response straight away (413 or 417, say) and a useless upload is saved. 100 is interim: a final response always follows."
            ),
            scenario: Localized(
                zh: "客户端要上传 2 GB 的文件，先只发送带 Expect: 100-continue 的请求头；服务器检查后同意接收，让它继续发送请求体。",
                en:
                    "A client about to upload 2 GB sends only its header section with Expect: 100-continue; the server checks it and agrees to receive the body."
            ),
            headers: ["Expect"],
            confusions: [
                Confusion(
                    code: 417,
                    why: Localized(
                        zh: "100 表示接受 Expect 的期望、请继续；417 表示服务器无法满足 Expect 中的期望。",
                        en: "100 accepts the Expect header's expectation; 417 says the server cannot meet it.")),
                Confusion(
                    code: 102,
                    why: Localized(
                        zh: "100 请客户端继续发送请求内容；102 只是告诉客户端请求仍在处理中，别超时。",
                        en: "100 invites the client to send the content; 102 only says the request is still being worked on.")),
            ]),
        StatusCode(
            code: 101, phrase: "Switching Protocols",
            reference: "RFC 9110 §15.2.2",
            name: Localized(zh: "切换协议", en: "Switching Protocols"),
            summary: Localized(
                zh: "服务器同意客户端在 Upgrade 中的请求，将在这条连接上改用另一个协议。",
                en: "The server agrees to the client's Upgrade request and switches this connection to another protocol."),
            detail: Localized(
                zh:
                    "客户端在请求中用 Upgrade 头列出想改用的协议（例如 websocket）。服务器同意时回 101，并在自己的 Upgrade 头中写明切换到的协议；101 响应的头部一结束，连接上说的就是新协议了。只有在新协议更有利时服务器才应同意切换。Upgrade 机制只适用于 HTTP/1.1。",
                en:
                    "The client lists the protocols it would like in an Upgrade header (websocket, for instance). A server that agrees answers 101 with its own Upgrade header naming the protocol it switches to; right after that response the connection speaks the new protocol. A server should switch only when the new protocol is an advantage. Upgrade exists only in HTTP/1.1."
            ),
            scenario: Localized(
                zh: "浏览器通过 HTTP/1.1 发起 WebSocket 握手，请求带有 Upgrade: websocket，服务器同意并改用 WebSocket 协议。",
                en: "A browser opens a WebSocket over HTTP/1.1 with Upgrade: websocket, and the server agrees to change protocols on that connection."),
            headers: ["Upgrade", "Connection"],
            confusions: [
                Confusion(
                    code: 426,
                    why: Localized(
                        zh: "101 是服务器接受客户端提出的升级；426 是服务器拒绝当前协议并要求客户端先升级。",
                        en: "101 accepts an upgrade the client asked for; 426 refuses the current protocol and demands an upgrade."))
            ]),
        StatusCode(
            code: 102, phrase: "Processing",
            reference: "RFC 2518 §10.1",
            flags: [.webdav, .obsoleted],
            name: Localized(zh: "处理中", en: "Processing"),
            summary: Localized(
                zh: "服务器已收到请求并仍在处理，尚无最终响应；用来防止客户端超时。",
                en: "The server has the request and is still working on it; no final response yet. It keeps the client from timing out."),
            detail: Localized(
                zh: "WebDAV 最初的规范 RFC 2518 定义了它，用于耗时很长的方法（例如复制一整棵目录树）。取代 RFC 2518 的 RFC 4918 因为缺少实现而删去了它，但它仍留在 IANA 注册表里。今天少有服务器发送它。",
                en:
                    "WebDAV's first specification, RFC 2518, defined it for long-running methods such as copying a whole collection tree. RFC 4918, which replaced RFC 2518, dropped it for lack of implementations, yet it remains in the IANA registry. Few servers send it today."
            ),
            scenario: Localized(
                zh: "WebDAV 客户端请求复制一个很大的目录，服务器需要几分钟，先发一个临时响应表示请求还在处理、别断开。",
                en: "A WebDAV client asks to copy a huge collection; the server needs minutes and sends an interim response saying it is still working."),
            confusions: [
                Confusion(
                    code: 202,
                    why: Localized(
                        zh: "102 是临时响应，最终响应稍后在同一次交换中到来；202 是最终响应，处理会在这次交换之外完成。",
                        en: "102 is interim and the final response still comes in the same exchange; 202 is final and the work finishes outside it.")),
                Confusion(
                    code: 100,
                    why: Localized(
                        zh: "100 请客户端继续发送请求内容；102 表示服务器还在处理已收到的请求。",
                        en: "100 invites the client to send the content; 102 says the server is still processing what it received.")),
            ]),
        StatusCode(
            code: 103, phrase: "Early Hints",
            reference: "RFC 8297 §2",
            flags: [.experimental],
            name: Localized(zh: "早期提示", en: "Early Hints"),
            summary: Localized(
                zh: "在最终响应之前先发出一些头字段（通常是 Link），让客户端提前预加载资源。",
                en: "Sends some header fields (usually Link) ahead of the final response so the client can start preloading."),
            detail: Localized(
                zh: "服务器还在生成页面时，先回 103 并带上 Link: </style.css>; rel=preload 之类的头，浏览器可以趁机开始下载样式表和脚本。103 是临时响应，其中的头只是提示，最终响应才是权威；它由实验性 RFC 8297 定义。",
                en:
                    "While the server is still building the page it can answer 103 with headers such as Link: </style.css>; rel=preload, and the browser can start fetching style sheets and scripts. 103 is interim; its headers are hints and the final response is authoritative. It is defined by RFC 8297, an experimental RFC."
            ),
            scenario: Localized(
                zh: "服务器生成 HTML 需要 300 毫秒，先发一个带 Link 预加载头的临时响应，让浏览器提前下载 CSS。",
                en:
                    "Rendering the HTML takes the server 300 ms, so it first sends an interim response with Link preload headers and the browser fetches the CSS meanwhile."
            ),
            headers: ["Link"],
            confusions: [
                Confusion(
                    code: 100,
                    why: Localized(
                        zh: "两者都是临时响应：100 针对客户端的 Expect 请求，103 则是服务器主动提示要预加载的资源。",
                        en: "Both are interim: 100 answers a client's Expect; 103 is the server volunteering resources to preload."))
            ]),
        StatusCode(
            code: 104, phrase: "Upload Resumption Supported",
            reference: "draft-ietf-httpbis-resumable-upload",
            flags: [.temporary],
            name: Localized(zh: "支持续传上传", en: "Upload Resumption Supported"),
            summary: Localized(
                zh: "一个临时注册的中间响应：服务器告诉客户端，这次上传中断后可以从断点接着传。",
                en: "A temporarily registered interim response: the server tells the client this upload can be resumed if interrupted."),
            detail: Localized(
                zh: "出自 IETF 关于可续传上传的草案，IANA 只做了临时注册（有到期日，草案成为 RFC 后才会永久注册）。服务器在上传刚开始时发出 104，并用 Location 告知上传资源的地址；连接中断后，客户端可以向那个地址查询已收到多少并从断点继续。",
                en:
                    "It comes from the IETF draft on resumable uploads and is only temporarily registered with IANA (with an expiry date, until the draft becomes an RFC). The server sends 104 as an upload begins, with a Location naming the upload resource; if the connection drops, the client asks that resource how much arrived and continues from there."
            ),
            scenario: Localized(
                zh: "手机开始上传一段视频，服务器立刻发来临时响应，说明这次上传可以续传，并给出上传资源的地址。",
                en:
                    "A phone starts uploading a video and the server at once sends an interim response saying the upload can be resumed, with the upload resource's address."
            ),
            headers: ["Location"],
            confusions: [
                Confusion(
                    code: 100,
                    why: Localized(
                        zh: "100 只是让客户端继续发送；104 还承诺上传可以续传，并给出上传资源的地址。",
                        en: "100 just lets the client go on sending; 104 also promises the upload can be resumed and names the upload resource.")),
                Confusion(
                    code: 206,
                    why: Localized(
                        zh: "206 是下载时按范围返回部分内容的最终响应；104 是上传开始时的临时响应。",
                        en: "206 is a final response carrying part of a download; 104 is an interim response at the start of an upload.")),
            ]),
    ]
}
