extension Catalog {
    /// 2xx: the request was received, understood and accepted.
    static let successful: [StatusCode] = [
        StatusCode(
            code: 200, phrase: "OK",
            reference: "RFC 9110 §15.3.1",
            name: Localized(zh: "成功", en: "OK"),
            summary: Localized(
                zh: "请求成功；响应内容的含义取决于请求方法。",
                en: "The request succeeded; what the content means depends on the method."),
            detail: Localized(
                zh: "GET 的响应内容是目标资源的表示；HEAD 与 GET 相同但没有内容；POST 的内容是处理结果或状态；PUT、DELETE 的内容可以是操作的状态；TRACE 的内容是服务器收到的请求消息。200 默认可以被缓存。若成功但确实没有内容要返回，应使用 204。",
                en:
                    "For GET the content is a representation of the target resource; HEAD is the same without content; for POST it is the result or status of the action; for PUT and DELETE it may be the status of the action; for TRACE it is the request message as received. 200 is cacheable by default. When there is truly nothing to send back, 204 is the better answer."
            ),
            scenario: Localized(
                zh: "浏览器用 GET 请求首页，服务器找到页面并在响应内容中返回完整的 HTML。",
                en: "A browser GETs the home page and the server returns the full HTML in the response content."),
            headers: ["Content-Type", "Content-Length"],
            confusions: [
                Confusion(
                    code: 204,
                    why: Localized(
                        zh: "200 通常带内容；204 明确表示成功但没有内容。",
                        en: "200 normally carries content; 204 says success with no content at all.")),
                Confusion(
                    code: 206,
                    why: Localized(
                        zh: "200 返回完整的表示；206 只返回 Range 请求的那一部分，并带 Content-Range。",
                        en: "200 returns the whole representation; 206 only the part a Range asked for, with Content-Range.")),
                Confusion(
                    code: 304,
                    why: Localized(
                        zh: "条件请求时，资源变了服务器回 200 和新内容；没变回 304、不带内容，客户端用缓存。",
                        en: "On a conditional request a changed resource gets 200 with new content; an unchanged one gets 304 without content.")),
            ]),
        StatusCode(
            code: 201, phrase: "Created",
            reference: "RFC 9110 §15.3.2",
            name: Localized(zh: "已创建", en: "Created"),
            summary: Localized(
                zh: "请求已完成，并创建了一个或多个新资源。",
                en: "The request succeeded and created one or more new resources."),
            detail: Localized(
                zh: "主要新资源由 Location 头指明；没有 Location 时，就是请求的目标 URI 本身（例如 PUT 创建了它）。响应内容通常描述新资源或链接到它。常见于 POST 新建条目或 PUT 创建原本不存在的资源。",
                en:
                    "The primary new resource is named by the Location header, or, without one, is the target URI itself (as when PUT creates it). The content usually describes or links to the new resources. Typical after a POST that adds an item, or a PUT to a URI that did not exist yet."
            ),
            scenario: Localized(
                zh: "客户端 POST /orders 提交新订单，服务器保存成功，并在 Location 中给出新订单的地址 /orders/42。",
                en: "A client POSTs a new order to /orders; the server stores it and gives its address, /orders/42, in Location."),
            headers: ["Location", "ETag"],
            confusions: [
                Confusion(
                    code: 200,
                    why: Localized(
                        zh: "两者都表示成功，201 另外说明有新资源诞生，并用 Location 指向它。",
                        en: "Both mean success; 201 adds that a new resource exists, pointed to by Location.")),
                Confusion(
                    code: 202,
                    why: Localized(
                        zh: "201 时资源已经创建好了；202 只是接受了请求，处理（和创建）还没完成。",
                        en: "With 201 the resource already exists; 202 only accepts the request and the work is not done yet.")),
                Confusion(
                    code: 303,
                    why: Localized(
                        zh: "201 的 Location 指向新创建的资源；303 的 Location 指向另一个应当用 GET 获取的资源。",
                        en: "201's Location names the new resource; 303's names another resource to GET.")),
            ]),
        StatusCode(
            code: 202, phrase: "Accepted",
            reference: "RFC 9110 §15.3.3",
            name: Localized(zh: "已接受", en: "Accepted"),
            summary: Localized(
                zh: "请求已被接受等待处理，但还没有处理完，结果也不保证。",
                en: "The request was accepted for processing, but processing is not finished and its outcome is not promised."),
            detail: Localized(
                zh: "HTTP 无法在处理完成后再发一次响应，所以 202 是有意“不作承诺”的：它适合交给另一个进程或批处理的工作。响应应说明请求的当前状态，最好给出一个可以查询进度的状态监视地址。",
                en:
                    "HTTP cannot send a second response when the work ends, so 202 is deliberately non-committal: it suits work handed to another process or a batch job. The response should describe the request's current status and ideally link to a status monitor the client can poll."
            ),
            scenario: Localized(
                zh: "客户端提交一个要跑二十分钟的视频转码任务，服务器把它放进队列，立即返回并附上查询进度的链接。",
                en:
                    "A client submits a video transcoding job that takes twenty minutes; the server queues it and answers at once with a link to check progress."
            ),
            headers: ["Location"],
            confusions: [
                Confusion(
                    code: 201,
                    why: Localized(
                        zh: "201 表示资源已创建完毕；202 表示请求只是被接受，稍后才处理。",
                        en: "201 says the resource is already created; 202 says the request was merely accepted for later.")),
                Confusion(
                    code: 102,
                    why: Localized(
                        zh: "102 是临时响应，后面还会有最终响应；202 本身就是最终响应。",
                        en: "102 is interim and a final response follows; 202 is itself the final response.")),
            ]),
        StatusCode(
            code: 203, phrase: "Non-Authoritative Information",
            reference: "RFC 9110 §15.3.4",
            name: Localized(zh: "非权威信息", en: "Non-Authoritative Information"),
            summary: Localized(
                zh: "请求成功，但内容被转换代理修改过，与源服务器的 200 响应不同。",
                en: "The request succeeded, but a transforming proxy changed the content from the origin server's 200 response."),
            detail: Localized(
                zh: "代理在转发 200 响应时若改动了内容（例如压缩图片、改写页面），可以把状态码改为 203，让接收方知道这不是源服务器的原样响应，以便决定是否信任这些内容。默认可以被缓存。",
                en:
                    "A proxy that alters a 200 response as it passes (recompressing images, rewriting a page) can change the status to 203 so the recipient knows it is not the origin's own response and can decide how far to trust it. Cacheable by default."
            ),
            scenario: Localized(
                zh: "移动网络运营商的代理把网页里的图片重新压缩后转发给手机，并表明内容已被改动。",
                en: "A mobile carrier's proxy recompresses the images in a page before passing it to the phone, and says the content was altered."),
            confusions: [
                Confusion(
                    code: 200,
                    why: Localized(
                        zh: "200 是源服务器的原样结果；203 表示中间的代理改动过内容。",
                        en: "200 is the origin's result as sent; 203 says a proxy in between changed it."))
            ]),
        StatusCode(
            code: 204, phrase: "No Content",
            reference: "RFC 9110 §15.3.5",
            name: Localized(zh: "无内容", en: "No Content"),
            summary: Localized(
                zh: "请求成功，响应没有内容，也不能有内容。",
                en: "The request succeeded and the response has no content, and cannot have any."),
            detail: Localized(
                zh: "头部之后直接结束，没有响应内容。常见于 PUT 保存成功或 DELETE 成功后，界面不需要离开当前页面；头字段（例如新的 ETag）仍然有效。默认可以被缓存。",
                en:
                    "The response ends after the header section. Typical after a successful PUT or DELETE when the user interface should stay where it is; header fields such as a new ETag still apply. Cacheable by default."
            ),
            scenario: Localized(
                zh: "编辑器每隔几秒用 PUT 自动保存草稿，服务器保存成功，没有什么要返回，页面保持不动。",
                en: "An editor autosaves a draft with PUT every few seconds; the server stores it, has nothing to send back, and the page stays as it is."),
            headers: ["ETag"],
            confusions: [
                Confusion(
                    code: 200,
                    why: Localized(
                        zh: "200 通常带内容；204 一定没有内容。",
                        en: "200 normally carries content; 204 never does.")),
                Confusion(
                    code: 205,
                    why: Localized(
                        zh: "两者都无内容；205 还要求客户端重置发送请求的表单或视图。",
                        en: "Both are empty; 205 also asks the client to reset the form or view that sent the request.")),
                Confusion(
                    code: 304,
                    why: Localized(
                        zh: "两者都不带内容：204 是对请求的成功处理，304 是条件请求时“用你的缓存”。",
                        en: "Neither has content: 204 reports a request handled; 304 answers a conditional request with \"use your cache\".")),
            ]),
        StatusCode(
            code: 205, phrase: "Reset Content",
            reference: "RFC 9110 §15.3.6",
            name: Localized(zh: "重置内容", en: "Reset Content"),
            summary: Localized(
                zh: "请求已完成，客户端应把发送请求的文档视图恢复到初始状态。",
                en: "The request was fulfilled; the client should reset the document view that sent it to its original state."),
            detail: Localized(
                zh: "用于连续录入数据的场景：用户提交表单后，表单被清空以便录入下一条。205 响应不能带内容。",
                en: "Meant for repeated data entry: after the user submits a form, the form is cleared for the next entry. A 205 response cannot carry content."
            ),
            scenario: Localized(
                zh: "仓库员工在网页表单中录入一件货品并提交，服务器保存后让浏览器清空表单，准备录入下一件。",
                en: "A warehouse clerk submits one item through a web form; the server stores it and tells the browser to clear the form for the next one."),
            confusions: [
                Confusion(
                    code: 204,
                    why: Localized(
                        zh: "204 让页面保持原样；205 要求把表单或视图重置。",
                        en: "204 leaves the page as it is; 205 asks for the form or view to be reset."))
            ]),
        StatusCode(
            code: 206, phrase: "Partial Content",
            reference: "RFC 9110 §15.3.7",
            name: Localized(zh: "部分内容", en: "Partial Content"),
            summary: Localized(
                zh: "服务器成功响应了范围请求，只返回所请求的一个或多个部分。",
                en: "The server fulfilled a range request, sending only the requested part or parts."),
            detail: Localized(
                zh: "客户端用 Range 头请求部分内容（例如续传下载或视频拖动）。单个范围时响应带 Content-Range 说明是哪一段；多个范围时使用 multipart/byteranges。若范围无法满足，应回 416；服务器也可以忽略 Range，直接回 200 和完整内容。",
                en:
                    "The client asks for part of a representation with Range (resuming a download, seeking in a video). A single part comes with Content-Range saying which bytes these are; several parts use multipart/byteranges. An unsatisfiable range gets 416, and a server may ignore Range and send 200 with everything."
            ),
            scenario: Localized(
                zh: "下载到一半断了网，下载工具带上 Range: bytes=5000000- 重新请求，服务器只返回剩下的部分。",
                en: "A download breaks halfway; the download manager asks again with Range: bytes=5000000- and the server sends only the rest."),
            headers: ["Content-Range", "Accept-Ranges"],
            confusions: [
                Confusion(
                    code: 200,
                    why: Localized(
                        zh: "200 是完整的表示；206 只是 Range 请求的那一部分。",
                        en: "200 is the whole representation; 206 is just the part a Range asked for.")),
                Confusion(
                    code: 416,
                    why: Localized(
                        zh: "206 是范围请求成功；416 是请求的范围与资源不重叠，无法满足。",
                        en: "206 is a range served; 416 says the requested range does not overlap the resource.")),
            ]),
        StatusCode(
            code: 207, phrase: "Multi-Status",
            reference: "RFC 4918 §11.1",
            flags: [.webdav],
            name: Localized(zh: "多状态", en: "Multi-Status"),
            summary: Localized(
                zh: "WebDAV：一次请求涉及多个资源，各自的状态码写在 XML 响应体里。",
                en: "WebDAV: one request touched several resources, and each one's status is reported in an XML body."),
            detail: Localized(
                zh:
                    "响应内容是 multistatus XML 文档，其中每个 response 元素给出一个资源及其状态码。207 本身只说明“结果见内容”，各个资源可能有成功也有失败，客户端必须逐项检查。常见于 PROPFIND、PROPPATCH 以及作用于目录的 COPY、MOVE、DELETE。",
                en:
                    "The content is a multistatus XML document whose response elements each give one resource and its status. 207 itself only says \"see the content\": individual resources may have succeeded or failed, and the client must check each. Typical for PROPFIND, PROPPATCH and COPY, MOVE or DELETE on collections."
            ),
            scenario: Localized(
                zh: "WebDAV 客户端用 PROPFIND 列出一个目录，服务器在一个 XML 文档里分别给出每个文件的属性和状态。",
                en: "A WebDAV client lists a folder with PROPFIND and the server reports each file's properties and status in one XML document."),
            headers: ["Content-Type"],
            confusions: [
                Confusion(
                    code: 200,
                    why: Localized(
                        zh: "200 代表整个请求成功；207 里可能混有失败，需要看内容逐个判断。",
                        en: "200 means the whole request worked; 207 may hide failures inside and must be read item by item.")),
                Confusion(
                    code: 208,
                    why: Localized(
                        zh: "208 只出现在 207 的 XML 内部，标记已报告过的成员，避免重复列出。",
                        en: "208 only appears inside a 207 body, marking members already reported so they are not listed twice.")),
            ]),
        StatusCode(
            code: 208, phrase: "Already Reported",
            reference: "RFC 5842 §7.1",
            flags: [.webdav, .experimental],
            name: Localized(zh: "已报告", en: "Already Reported"),
            summary: Localized(
                zh: "WebDAV：在 207 的结果中，这个集合的成员前面已经列出过，不再重复。",
                en: "WebDAV: inside a 207 body, this collection's members were already listed earlier and are not repeated."),
            detail: Localized(
                zh: "由 WebDAV 绑定扩展 RFC 5842 定义。一个资源可以通过多个绑定出现在不同路径下；深度遍历时，为避免重复列出甚至陷入循环，第二次遇到同一集合就用 208 标记。它只在 207 响应的 XML 内部使用。",
                en:
                    "Defined by the WebDAV bindings extension, RFC 5842. One resource can be bound at several paths; in a deep listing, the second time the same collection is met it is marked 208 instead of listed again, avoiding repetition and loops. It is used only inside 207 bodies."
            ),
            scenario: Localized(
                zh: "深度为 infinity 的 PROPFIND 第二次遇到同一个被多重绑定的目录，服务器在结果中标记它已报告过。",
                en: "A depth-infinity PROPFIND meets the same multiply-bound folder a second time, and the server marks it as already listed."),
            confusions: [
                Confusion(
                    code: 207,
                    why: Localized(
                        zh: "207 是整个响应的状态码；208 是其中某一项的状态。",
                        en: "207 is the status of the whole response; 208 is the status of one item inside it.")),
                Confusion(
                    code: 508,
                    why: Localized(
                        zh: "208 用来避开绑定造成的重复；508 表示服务器因遇到无限循环而放弃整个操作。",
                        en: "208 sidesteps repetition caused by bindings; 508 gives up the whole operation because of a loop.")),
            ]),
        StatusCode(
            code: 226, phrase: "IM Used",
            reference: "RFC 3229 §10.4.1",
            name: Localized(zh: "已应用实例操作", en: "IM Used"),
            summary: Localized(
                zh: "GET 成功，响应是对当前实例应用了一个或多个实例操作（如增量编码）的结果。",
                en: "The GET succeeded, and the response is the result of instance-manipulations (such as a delta) applied to the current instance."),
            detail: Localized(
                zh: "HTTP 增量编码（RFC 3229）：客户端用 A-IM 声明能接受的实例操作，并指出它已有的版本；服务器只发送从那个版本到当前版本的差异，并用 IM 头说明使用了哪些操作。很少有人部署。",
                en:
                    "HTTP delta encoding (RFC 3229): the client names the instance-manipulations it accepts in A-IM and says which version it already has; the server sends only the difference to the current version and lists the manipulations used in the IM header. Rarely deployed."
            ),
            scenario: Localized(
                zh: "客户端已缓存了一个大文件的旧版本，请求时带 A-IM: vcdiff，服务器只返回新旧版本之间的差异。",
                en: "A client holding an old version of a big file asks with A-IM: vcdiff, and the server sends only the difference between the versions."),
            headers: ["IM", "A-IM", "Delta-Base"],
            confusions: [
                Confusion(
                    code: 206,
                    why: Localized(
                        zh: "206 返回原表示的一段字节；226 返回经过变换（例如差异编码）的结果。",
                        en: "206 sends a slice of the representation's bytes; 226 sends a transformed result such as a delta.")),
                Confusion(
                    code: 304,
                    why: Localized(
                        zh: "304 说缓存可以原样使用；226 给出把缓存更新到最新所需的差异。",
                        en: "304 says the cached copy is still good as is; 226 sends the change needed to bring it up to date.")),
            ]),
    ]
}
