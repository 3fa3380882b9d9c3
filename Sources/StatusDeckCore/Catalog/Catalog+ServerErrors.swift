// Every 5xx code in the IANA HTTP Status Code Registry. Facts checked against RFC 9110 and the
// defining RFCs; the arrays are split so each literal stays cheap for the type checker.
extension Catalog {
    static let serverErrors: [StatusCode] = serverErrors500to504 + serverErrors505to511

    private static let serverErrors500to504: [StatusCode] = [
        StatusCode(
            code: 500,
            phrase: "Internal Server Error",
            reference: "RFC 9110 §15.6.1",
            name: Localized(zh: "服务器内部错误", en: "Internal Server Error"),
            summary: Localized(
                zh: "服务器遇到意料之外的情况，无法完成请求。",
                en: "The server hit an unexpected condition that kept it from fulfilling the request."
            ),
            detail: Localized(
                zh: "500 是服务器端的通用错误：未捕获的异常、错误的配置等意料之外的情况都可能导致它。它并不保证问题是暂时的，客户端通常无能为力，只能稍后重试或报告问题。服务器应记录详细日志，但不要把堆栈信息泄露给客户端。如果是可预期的临时过载或维护，503 更合适。",
                en:
                    "500 is the generic server-side failure: an unhandled exception, a broken configuration or any other unexpected condition. It does not promise that the problem is temporary, and the client can usually only retry later or report it. The server should log the details but not leak stack traces to the client. For expected, temporary overload or maintenance, 503 is the better answer."
            ),
            scenario: Localized(
                zh: "后端代码处理订单时遇到空指针，没有任何地方捕获这个异常，请求就此失败。",
                en: "The backend dereferences a null value while processing an order, nothing catches the exception, and the request fails."
            ),
            confusions: [
                Confusion(
                    code: 503,
                    why: Localized(
                        zh: "500 是意外故障，多半是程序缺陷；503 是可预期的暂时状态（过载、维护），可以配 Retry-After。",
                        en:
                            "500 is an unexpected failure, often a bug; 503 is an expected, temporary state such as overload or maintenance, and may carry Retry-After."
                    )),
                Confusion(
                    code: 502,
                    why: Localized(
                        zh: "502 由网关发出，表示上游给了无效响应；500 表示处理请求的服务器自己出了错。",
                        en: "502 comes from a gateway whose upstream sent a bad response; 500 means the server handling the request failed itself."
                    )),
            ]
        ),
        StatusCode(
            code: 501,
            phrase: "Not Implemented",
            reference: "RFC 9110 §15.6.2",
            name: Localized(zh: "未实现", en: "Not Implemented"),
            summary: Localized(
                zh: "服务器不支持完成请求所需的功能。",
                en: "The server does not support the functionality needed to fulfil the request."
            ),
            detail: Localized(
                zh: "最典型的情况是服务器不认识请求方法，对任何资源都无法支持它。所有通用服务器都必须支持 GET 和 HEAD，所以这两个方法不应得到 501。501 响应默认可以被启发式缓存。如果方法是服务器认识的、只是这个资源不允许，应返回 405。",
                en:
                    "The typical case is a request method the server does not recognise and cannot support for any resource. Every general-purpose server must support GET and HEAD, so those two should never get 501. A 501 response is heuristically cacheable by default. If the server knows the method but this resource does not allow it, the answer is 405."
            ),
            scenario: Localized(
                zh: "客户端向一台普通的静态文件服务器发送 PURGE 请求，而这台服务器从来没听说过这个方法。",
                en: "A client sends a PURGE request to a plain static file server that has never heard of that method."
            ),
            confusions: [
                Confusion(
                    code: 405,
                    why: Localized(
                        zh: "405 是这个资源不允许该方法，并带 Allow 头；501 是服务器对任何资源都不支持该方法。",
                        en: "405 means this resource does not allow the method and comes with Allow; 501 means the server supports it for no resource at all."
                    )),
                Confusion(
                    code: 505,
                    why: Localized(
                        zh: "505 是不支持请求的 HTTP 版本；501 是不支持请求所需的功能，通常是方法。",
                        en: "505 is an unsupported HTTP version; 501 is unsupported functionality, usually the method."
                    )),
            ]
        ),
        StatusCode(
            code: 502,
            phrase: "Bad Gateway",
            reference: "RFC 9110 §15.6.3",
            name: Localized(zh: "错误网关", en: "Bad Gateway"),
            summary: Localized(
                zh: "网关或代理从上游服务器收到了无效的响应。",
                en: "A gateway or proxy received an invalid response from the upstream server."
            ),
            detail: Localized(
                zh: "由充当网关或代理的服务器发出：它把请求转给上游（入站）服务器，拿回来的却是无效响应，例如连接被重置、响应无法解析或上游进程已经崩溃。问题通常出在网关与上游之间，而不在客户端。与 504 的区别是：502 是收到了坏的回复，504 是等不到回复。",
                en:
                    "Sent by a server acting as a gateway or proxy that forwarded the request to an upstream (inbound) server and got an invalid response back: the connection was reset, the reply could not be parsed, or the upstream process had crashed. The fault usually lies between the gateway and the upstream, not in the client. Unlike 504, where no answer came in time, 502 means a bad answer came."
            ),
            scenario: Localized(
                zh: "Nginx 把请求转发给后端的 PHP-FPM 进程，可那个进程刚刚崩溃，连接被直接重置。",
                en: "Nginx forwards a request to the PHP-FPM backend, but that process has just crashed and the connection is reset."
            ),
            confusions: [
                Confusion(
                    code: 504,
                    why: Localized(
                        zh: "502 是上游回了无效响应；504 是上游在时限内根本没有回应。",
                        en: "502 means the upstream answered with something invalid; 504 means it did not answer in time at all."
                    )),
                Confusion(
                    code: 500,
                    why: Localized(
                        zh: "500 是处理请求的服务器自身出错；502 是网关替上游的故障说话。",
                        en: "500 is the handling server failing itself; 502 is a gateway reporting a failure upstream."
                    )),
            ]
        ),
        StatusCode(
            code: 503,
            phrase: "Service Unavailable",
            reference: "RFC 9110 §15.6.4",
            name: Localized(zh: "服务不可用", en: "Service Unavailable"),
            summary: Localized(
                zh: "服务器暂时无法处理请求，通常是因为过载或正在维护。",
                en: "The server cannot handle the request right now, usually because of overload or maintenance."
            ),
            detail: Localized(
                zh: "它描述的是暂时的状况，过一段时间很可能恢复。服务器可以发送 Retry-After 头告诉客户端多久后再试，客户端应当遵守。服务器过载时并不一定要返回 503，也可以直接拒绝连接。与 404、410 不同，503 默认不可缓存，只有显式的缓存头允许时才会被缓存。",
                en:
                    "It describes a temporary condition that is likely to clear after some delay. The server may send Retry-After to say when to try again, and clients should respect it. A server is not obliged to answer 503 when overloaded; it may simply refuse connections. Unlike 404 or 410 it is not cacheable by default, so a cache keeps it only when explicit cache headers allow it."
            ),
            scenario: Localized(
                zh: "网站每周日凌晨迁移数据库，迁移期间对所有请求都回一个维护页面，并告诉客户端一小时后再来。",
                en:
                    "A site migrates its database every Sunday night and, while that runs, answers every request with a maintenance page asking clients to come back in an hour."
            ),
            headers: ["Retry-After"],
            confusions: [
                Confusion(
                    code: 500,
                    why: Localized(
                        zh: "503 是预料之中的暂时状态；500 是意外故障，不保证很快恢复。",
                        en: "503 is an expected, temporary state; 500 is an unexpected failure with no promise of recovery."
                    )),
                Confusion(
                    code: 429,
                    why: Localized(
                        zh: "429 针对某个请求太频繁的客户端；503 针对所有人，是服务器整体暂时不行。",
                        en: "429 targets one client that asks too often; 503 applies to everyone because the server as a whole cannot cope."
                    )),
            ]
        ),
        StatusCode(
            code: 504,
            phrase: "Gateway Timeout",
            reference: "RFC 9110 §15.6.5",
            name: Localized(zh: "网关超时", en: "Gateway Timeout"),
            summary: Localized(
                zh: "网关或代理没能及时从上游服务器得到响应。",
                en: "A gateway or proxy did not get a timely response from the upstream server."
            ),
            detail: Localized(
                zh: "由网关或代理发出：它为完成请求需要访问上游服务器，但在限定时间内没有收到响应。常见原因是后端查询太慢，或上游服务器失去了响应。与 502 的区别在于根本没收到响应，而不是收到了无效响应；与 408 的区别在于等不及的是上游，而不是客户端。",
                en:
                    "Sent by a gateway or proxy that needed a response from an upstream server to complete the request and did not get one in time. Common causes are a slow backend query or an upstream that stopped responding. Unlike 502, no response arrived at all rather than an invalid one; unlike 408, it was the upstream, not the client, that was too slow."
            ),
            scenario: Localized(
                zh: "负载均衡器把报表请求转给后端，后端的数据库查询要跑五分钟，而均衡器等到第 60 秒就放弃了。",
                en:
                    "A load balancer forwards a report request to the backend, whose database query runs for five minutes; the balancer gives up after 60 seconds."
            ),
            confusions: [
                Confusion(
                    code: 502,
                    why: Localized(
                        zh: "504 是上游没有按时回应；502 是上游回了无效响应。",
                        en: "504 means the upstream did not answer in time; 502 means it answered with something invalid."
                    )),
                Confusion(
                    code: 408,
                    why: Localized(
                        zh: "408 是服务器等客户端的请求等不到；504 是网关等上游的响应等不到。",
                        en: "408 is a server giving up on the client's request; 504 is a gateway giving up on an upstream's response."
                    )),
            ]
        ),
    ]

    private static let serverErrors505to511: [StatusCode] = [
        StatusCode(
            code: 505,
            phrase: "HTTP Version Not Supported",
            reference: "RFC 9110 §15.6.6",
            name: Localized(zh: "HTTP 版本不受支持", en: "HTTP Version Not Supported"),
            summary: Localized(
                zh: "服务器不支持或拒绝支持请求所用的 HTTP 主版本。",
                en: "The server does not support, or refuses to support, the major version of HTTP used in the request."
            ),
            detail: Localized(
                zh: "请求使用的 HTTP 主版本是服务器不支持或不愿支持的。服务器应在正文中说明原因，以及它支持哪些协议。与 426 不同，505 只说这个版本不行，426 则用 Upgrade 头明确指出该换成哪种协议。",
                en:
                    "The request uses a major version of HTTP that the server does not or will not support. The server should send a body explaining why and naming the protocols it does support. Unlike 426, which names the required protocol in Upgrade, 505 only says that this version will not do."
            ),
            scenario: Localized(
                zh: "一个实验性客户端发来的请求行自称使用主版本号为 4 的 HTTP，服务器不认这个版本。",
                en: "An experimental client sends a request line claiming HTTP major version 4, which the server does not handle."
            ),
            confusions: [
                Confusion(
                    code: 426,
                    why: Localized(
                        zh: "426 会用 Upgrade 头指明要换成的协议；505 只说当前版本不受支持。",
                        en: "426 names the protocol to switch to in Upgrade; 505 only says the version in use is unsupported."
                    )),
                Confusion(
                    code: 501,
                    why: Localized(
                        zh: "501 是不支持请求所需的功能（通常是方法）；505 是不支持协议版本。",
                        en: "501 is unsupported functionality, usually a method; 505 is an unsupported protocol version."
                    )),
            ]
        ),
        StatusCode(
            code: 506,
            phrase: "Variant Also Negotiates",
            reference: "RFC 2295 §8.1",
            flags: [.experimental],
            name: Localized(zh: "变体也在协商", en: "Variant Also Negotiates"),
            summary: Localized(
                zh: "服务器配置错误：内容协商选中的变体自己也要进行协商。",
                en: "A server misconfiguration: the variant chosen by content negotiation negotiates in turn."
            ),
            detail: Localized(
                zh: "它来自实验性的透明内容协商规范 RFC 2295。服务器在协商中选中了一个变体资源，可这个变体又被配置成自己也要做透明协商，于是协商没法落到一个合适的终点。这是服务器的配置错误，客户端无法修复，实际中几乎见不到。",
                en:
                    "It comes from the experimental Transparent Content Negotiation specification, RFC 2295. The server picked a variant resource during negotiation, but that variant is itself configured to negotiate, so negotiation never reaches a proper end point. It is a server misconfiguration the client cannot fix, and it is almost never seen in practice."
            ),
            scenario: Localized(
                zh: "管理员把 Apache 的类型映射配错了：协商选出的那份表示，本身又指向另一个也要进行协商的资源。",
                en:
                    "An administrator misconfigures an Apache type map so that the representation picked during negotiation points to another resource that wants to negotiate too."
            ),
            confusions: [
                Confusion(
                    code: 508,
                    why: Localized(
                        zh: "508 是 WebDAV 在遍历集合时发现了环；506 是内容协商的配置形成了自我引用。",
                        en: "508 is WebDAV finding a cycle while walking collections; 506 is content negotiation configured to refer back into itself."
                    )),
                Confusion(
                    code: 406,
                    why: Localized(
                        zh: "406 是没有符合客户端偏好的表示，属于客户端错误；506 是服务器自己的协商配置出错。",
                        en:
                            "406 is a client error meaning no representation fits the client's preferences; 506 is the server's own negotiation setup being broken."
                    )),
            ]
        ),
        StatusCode(
            code: 507,
            phrase: "Insufficient Storage",
            reference: "RFC 4918 §11.5",
            flags: [.webdav],
            name: Localized(zh: "存储空间不足", en: "Insufficient Storage"),
            summary: Localized(
                zh: "服务器没有足够的空间保存完成请求所需的数据。",
                en: "The server cannot store the representation needed to complete the request."
            ),
            detail: Localized(
                zh: "由 WebDAV 定义：服务器无法存储完成请求所需的表示，例如磁盘已满或用户配额用尽。这种状况被视为暂时的。如果请求来自用户操作，在用户另行发起操作之前不得自动重复。与 413 不同，问题不是请求超出了限制，而是服务器这边没地方放。",
                en:
                    "Defined by WebDAV: the server cannot store the representation it needs to complete the request, for instance because the disk is full or the user's quota is used up. The condition is considered temporary. If the request came from a user action, it must not be repeated until the user asks again. Unlike 413, the request is not over a size limit; the server simply has no room."
            ),
            scenario: Localized(
                zh: "用户通过 WebDAV 往网盘上传照片，可他的网盘配额刚好用完了。",
                en: "A user uploads photos to a cloud drive over WebDAV, but their quota on the drive has just run out."
            ),
            confusions: [
                Confusion(
                    code: 413,
                    why: Localized(
                        zh: "413 是请求超出了服务器设定的大小上限；507 是服务器自己的存储不够用。",
                        en: "413 means the request exceeds a size limit the server sets; 507 means the server itself has run out of storage."
                    ))
            ]
        ),
        StatusCode(
            code: 508,
            phrase: "Loop Detected",
            reference: "RFC 5842 §7.2",
            flags: [.webdav, .experimental],
            name: Localized(zh: "检测到循环", en: "Loop Detected"),
            summary: Localized(
                zh: "服务器处理 Depth: infinity 的请求时遇到无限循环，终止了整个操作。",
                en: "The server met an infinite loop while handling a Depth: infinity request and stopped the whole operation."
            ),
            detail: Localized(
                zh: "由 WebDAV 绑定扩展 RFC 5842 定义。绑定让同一个集合可以出现在多个位置，命名空间里因此可能出现环；服务器在处理 Depth: infinity 的请求（如 PROPFIND）时遇到环，就终止操作。它表示整个操作失败。客户端可以改用有限的深度重新请求。",
                en:
                    "Defined by the WebDAV binding extension, RFC 5842. Bindings let one collection appear in several places, so the namespace can contain cycles; when the server meets one while handling a Depth: infinity request such as PROPFIND, it stops. The status means the whole operation failed. The client can retry with a finite depth."
            ),
            scenario: Localized(
                zh: "对一个 WebDAV 集合发出深度无限的 PROPFIND，而其中一个子集合又通过绑定指回了它的祖先集合。",
                en: "A PROPFIND with infinite depth is sent to a WebDAV collection in which a sub-collection is bound back to one of its own ancestors."
            ),
            headers: ["Depth"],
            confusions: [
                Confusion(
                    code: 208,
                    why: Localized(
                        zh: "208 用于在多状态响应中避免重复列出已报告过的成员，操作继续；508 表示因循环而整个操作失败。",
                        en:
                            "208 avoids listing members that were already reported in a multi-status response, and the operation goes on; 508 means the loop made the whole operation fail."
                    )),
                Confusion(
                    code: 506,
                    why: Localized(
                        zh: "506 的循环来自内容协商配置；508 的循环来自 WebDAV 集合的绑定关系。",
                        en: "506's loop comes from content negotiation settings; 508's loop comes from WebDAV collection bindings."
                    )),
            ]
        ),
        StatusCode(
            code: 510,
            phrase: "Not Extended",
            reference: "RFC 2774 §7",
            flags: [.historic],
            name: Localized(zh: "未扩展", en: "Not Extended"),
            summary: Localized(
                zh: "请求没有声明访问资源所需的强制扩展（注册表已标为废弃）。",
                en: "The request does not declare a mandatory extension the server requires (marked obsoleted in the registry)."
            ),
            detail: Localized(
                zh:
                    "来自 HTTP 扩展框架 RFC 2774：服务器要求请求声明某个强制扩展，而请求没有声明。服务器应在响应中给出客户端发出扩展请求所需的信息。RFC 2774 原为实验性规范，后来被改为历史状态，注册表也把 510 标为 OBSOLETED；这个框架几乎没人用，新服务不应再发送它。",
                en:
                    "From the HTTP Extension Framework, RFC 2774: the server requires the request to declare a mandatory extension, and it did not. The server should send back what the client needs to issue an extended request. RFC 2774 was experimental and has since been moved to Historic, and the registry marks 510 as OBSOLETED; the framework was barely used, and new services should not send this code."
            ),
            scenario: Localized(
                zh: "一台按早已废弃的扩展框架搭建的服务器，要求每个请求都用 Man 头声明一个强制扩展，而客户端发来的是普通请求。",
                en:
                    "A server built on a long-abandoned extension framework demands that every request declare a mandatory extension in a Man header, and the client sends a plain request instead."
            ),
            headers: ["Man", "Opt"],
            confusions: [
                Confusion(
                    code: 426,
                    why: Localized(
                        zh: "426 要求换用另一种协议，并配 Upgrade 头；510 要求在同一协议里声明扩展。",
                        en: "426 asks for a different protocol via Upgrade; 510 asks for an extension declared within the same protocol."
                    )),
                Confusion(
                    code: 501,
                    why: Localized(
                        zh: "501 是服务器缺少所需的功能；510 是服务器嫌请求缺少扩展声明。",
                        en: "501 means the server lacks a needed feature; 510 means the server finds the request lacking an extension declaration."
                    )),
            ]
        ),
        StatusCode(
            code: 511,
            phrase: "Network Authentication Required",
            reference: "RFC 6585 §6",
            name: Localized(zh: "需要网络认证", en: "Network Authentication Required"),
            summary: Localized(
                zh: "客户端必须先完成网络接入认证，才能访问网络。",
                en: "The client must authenticate to gain network access."
            ),
            detail: Localized(
                zh: "由控制网络接入的拦截代理生成，例如机场、酒店 Wi-Fi 的强制门户，而不是由源服务器生成。正文应包含一个链接，引导用户登录或接受条款。缓存不得存储 511 响应。它与 401、407 不同：要认证的是网络接入本身，而不是某个网站或客户端配置的代理。",
                en:
                    "Generated by intercepting proxies that control network access, such as the captive portal of airport or hotel Wi-Fi, not by origin servers. The body should contain a link where the user can log in or accept terms. Caches must not store a 511 response. Unlike 401 and 407, what needs authenticating is access to the network itself, not a site or a proxy the client configured."
            ),
            scenario: Localized(
                zh: "在酒店连上 Wi-Fi 后，无论打开哪个网页都会先被拦下，要求输入房间号并同意使用条款。",
                en: "After joining hotel Wi-Fi, every page you open is intercepted by a page asking for your room number and acceptance of the terms."
            ),
            confusions: [
                Confusion(
                    code: 401,
                    why: Localized(
                        zh: "401 来自你要访问的网站本身；511 来自拦在你和整个互联网之间的网络。",
                        en: "401 comes from the site you are visiting; 511 comes from the network standing between you and the whole internet."
                    )),
                Confusion(
                    code: 407,
                    why: Localized(
                        zh: "407 来自客户端主动配置的代理，带 Proxy-Authenticate；511 来自客户端不知情的拦截代理。",
                        en:
                            "407 comes from a proxy the client was configured to use, with Proxy-Authenticate; 511 comes from an intercepting proxy the client did not know about."
                    )),
            ]
        ),
    ]
}
