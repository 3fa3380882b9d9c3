// Every 4xx code in the IANA HTTP Status Code Registry. Facts checked against RFC 9110 and the
// defining RFCs; the arrays are split so each literal stays cheap for the type checker.
extension Catalog {
    static let clientErrors: [StatusCode] =
        clientErrors400to405 + clientErrors406to411 + clientErrors412to418 + clientErrors421to451

    private static let clientErrors400to405: [StatusCode] = [
        StatusCode(
            code: 400,
            phrase: "Bad Request",
            reference: "RFC 9110 §15.5.1",
            name: Localized(zh: "错误请求", en: "Bad Request"),
            summary: Localized(
                zh: "服务器认为问题出在客户端（如语法或报文格式有误），因而不能或不愿处理请求。",
                en: "The server cannot or will not process the request because of something it sees as a client error, such as malformed syntax."
            ),
            detail: Localized(
                zh: "400 是客户端错误的通用答复：请求行或头部写错、报文分帧无效、参数无法解析都属于这一类。RFC 9110 的定义比“语法错误”宽：只要服务器认定责任在客户端就可以用它。客户端不应原样重发，而要先改正请求。如果语法没问题、只是内容在语义上无法处理，更贴切的是 422。",
                en:
                    "400 is the catch-all answer for a request the server blames on the client: a malformed request line or header, invalid message framing, parameters that cannot be parsed. RFC 9110 defines it more broadly than bad syntax: any problem the server perceives as the client's fault qualifies. The client should correct the request rather than resend it unchanged. When the syntax is fine but the content makes no sense, 422 is the more precise answer."
            ),
            scenario: Localized(
                zh: "客户端提交的 JSON 少了最后一个右花括号，服务器连请求体都解析不了。",
                en: "A client posts a JSON body that is missing its closing brace, so the server cannot even parse it."
            ),
            confusions: [
                Confusion(
                    code: 422,
                    why: Localized(
                        zh: "400 针对格式错误、无法解析的请求；422 针对格式正确但内容无法执行的请求。",
                        en: "400 is for a request that is malformed or cannot be parsed; 422 is for one that parses fine but whose content cannot be acted on."
                    )),
                Confusion(
                    code: 415,
                    why: Localized(
                        zh: "若是内容格式本身不被支持（Content-Type 不对），应返回 415，而不是笼统的 400。",
                        en: "If the content's format itself is unsupported (a wrong Content-Type), 415 says so more precisely than a generic 400."
                    )),
            ]
        ),
        StatusCode(
            code: 401,
            phrase: "Unauthorized",
            reference: "RFC 9110 §15.5.2",
            name: Localized(zh: "未认证", en: "Unauthorized"),
            summary: Localized(
                zh: "请求缺少有效的身份认证凭据。",
                en: "The request lacks valid authentication credentials for the target resource."
            ),
            detail: Localized(
                zh:
                    "虽然名字叫 Unauthorized，401 的实际含义是“未认证”：服务器不知道你是谁，或者你给的凭据被拒绝了。服务器必须发送 WWW-Authenticate 头，至少给出一种认证质询。客户端可以带上新的或改正过的 Authorization 头重试。若身份已确认但权限不够，应使用 403。",
                en:
                    "Despite its name, 401 means not authenticated: the server does not know who you are, or it rejected the credentials you sent. The server MUST send a WWW-Authenticate header with at least one challenge. The client may retry with a new or corrected Authorization header. If the identity is known but lacks permission, the answer is 403."
            ),
            scenario: Localized(
                zh: "手机应用带着一小时前就已过期的登录令牌调用接口，服务器要求它重新登录，并说明可用的认证方式。",
                en: "A mobile app calls an API with a login token that expired an hour ago; the server asks it to sign in again and names the scheme to use."
            ),
            headers: ["WWW-Authenticate", "Authorization"],
            confusions: [
                Confusion(
                    code: 403,
                    why: Localized(
                        zh: "401 是“还没证明你是谁”，重新认证可能解决；403 是“知道了也不行”，换凭据通常无济于事。",
                        en:
                            "401 means you have not proved who you are, and authenticating may help; 403 means the answer is no, and new credentials usually will not change it."
                    )),
                Confusion(
                    code: 407,
                    why: Localized(
                        zh: "401 由源服务器要求认证，配 WWW-Authenticate；407 由代理要求认证，配 Proxy-Authenticate。",
                        en: "401 is the origin server asking for credentials, with WWW-Authenticate; 407 is a proxy asking, with Proxy-Authenticate."
                    )),
            ]
        ),
        StatusCode(
            code: 402,
            phrase: "Payment Required",
            reference: "RFC 9110 §15.5.3",
            name: Localized(zh: "需要付款", en: "Payment Required"),
            summary: Localized(
                zh: "保留给将来使用的状态码，目前没有标准语义。",
                en: "Reserved for future use; HTTP gives it no standard meaning yet."
            ),
            detail: Localized(
                zh: "402 最初是为数字支付设想的，但 RFC 9110 至今只把它列为保留，没有规定任何行为。有些 API 用它表示额度用完或订阅欠费，这只是各家的私有约定，客户端不能指望统一的处理方式。它不是实验性状态码，也没有规定必须携带的头部。",
                en:
                    "402 was meant for digital payment schemes, but RFC 9110 still only reserves it and defines no behaviour. Some APIs send it when a quota or subscription has lapsed; that is a private convention, so clients cannot count on any common handling. It is not an experimental code and has no required headers."
            ),
            scenario: Localized(
                zh: "HTTP 为将来的数字支付方案预留了一个状态码，至今没有规定任何标准行为。",
                en: "HTTP sets one status code aside for future digital payment schemes and still defines no standard behaviour for it."
            ),
            confusions: [
                Confusion(
                    code: 403,
                    why: Localized(
                        zh: "403 是有标准语义的拒绝；402 只是保留码，用它表示欠费属于私有约定。",
                        en: "403 is a refusal with standard semantics; 402 is only reserved, so using it for unpaid bills is a private convention."
                    )),
                Confusion(
                    code: 429,
                    why: Localized(
                        zh: "短时间内调用过多应返回 429；402 常被挪用来表示付费额度用尽，两者不是一回事。",
                        en: "Calling too often in a short time is 429; 402 is sometimes borrowed for a used-up paid quota, which is a different thing."
                    )),
            ]
        ),
        StatusCode(
            code: 403,
            phrase: "Forbidden",
            reference: "RFC 9110 §15.5.4",
            name: Localized(zh: "禁止访问", en: "Forbidden"),
            summary: Localized(
                zh: "服务器理解请求，但拒绝执行。",
                en: "The server understood the request but refuses to fulfil it."
            ),
            detail: Localized(
                zh: "403 表示服务器明白你要什么，但不允许。如果请求带了凭据，服务器认为这些凭据权限不足，客户端不应带着同样的凭据自动重试。拒绝的理由也可以与身份无关，例如来源 IP 被屏蔽、目录不允许列出。服务器若连资源是否存在都不想透露，可以改用 404。",
                en:
                    "403 says the server understood the request and will not carry it out. If credentials were sent, the server judges them insufficient, and the client should not retry automatically with the same ones. The refusal need not be about identity at all: a blocked IP range or a directory that may not be listed also qualifies. A server that does not want to reveal whether the resource exists may answer 404 instead."
            ),
            scenario: Localized(
                zh: "一名已经登录的普通员工试图打开只有管理员才能查看的工资报表页面。",
                en: "A signed-in employee without admin rights tries to open the payroll report that only administrators may see."
            ),
            confusions: [
                Confusion(
                    code: 401,
                    why: Localized(
                        zh: "401 要求先认证，并带 WWW-Authenticate；403 表示认证与否都不给访问。",
                        en: "401 asks the client to authenticate and carries WWW-Authenticate; 403 refuses access whether or not the client is authenticated."
                    )),
                Confusion(
                    code: 404,
                    why: Localized(
                        zh: "服务器想隐藏受保护资源的存在时，可以用 404 代替 403。",
                        en: "A server that wants to hide that a protected resource exists may send 404 in place of 403."
                    )),
                Confusion(
                    code: 451,
                    why: Localized(
                        zh: "因法律要求而拒绝时，451 比笼统的 403 更能说明原因。",
                        en: "When the refusal is because of a legal demand, 451 says why, where 403 does not."
                    )),
            ]
        ),
        StatusCode(
            code: 404,
            phrase: "Not Found",
            reference: "RFC 9110 §15.5.5",
            name: Localized(zh: "未找到", en: "Not Found"),
            summary: Localized(
                zh: "服务器找不到目标资源的当前表示，或者不愿透露它是否存在。",
                en: "The server has no current representation of the target resource, or will not say whether it exists."
            ),
            detail: Localized(
                zh: "404 说明源服务器没有找到目标资源的当前表示，或者不愿透露它是否存在。它不说明情况是暂时的还是永久的；若确知资源已被永久移除，410 更准确。404 响应默认可以被启发式缓存。服务器也常用 404 代替 403 来隐藏受保护的资源。",
                en:
                    "404 means the origin server found no current representation for the target resource, or will not say whether one exists. It does not say whether the absence is temporary or permanent; when the server knows the resource was removed for good, 410 is more precise. A 404 response is heuristically cacheable by default. Servers also send it instead of 403 to hide a protected resource."
            ),
            scenario: Localized(
                zh: "读者在地址栏里把文章链接的最后一段拼错了，网站上这个地址下什么都没有。",
                en: "A reader mistypes the last part of an article URL, and the site has nothing at that address."
            ),
            confusions: [
                Confusion(
                    code: 410,
                    why: Localized(
                        zh: "410 明确表示资源已被有意永久移除；404 不说明是暂时还是永久。",
                        en: "410 states that the resource was removed on purpose and for good; 404 does not say whether the absence is temporary or permanent."
                    )),
                Confusion(
                    code: 403,
                    why: Localized(
                        zh: "资源存在但不许访问时本应是 403，只是服务器可以用 404 来隐藏它的存在。",
                        en: "A resource that exists but may not be accessed is really a 403 case; the server may use 404 only to hide that it exists."
                    )),
            ]
        ),
        StatusCode(
            code: 405,
            phrase: "Method Not Allowed",
            reference: "RFC 9110 §15.5.6",
            name: Localized(zh: "方法不允许", en: "Method Not Allowed"),
            summary: Localized(
                zh: "服务器认识这个请求方法，但目标资源不支持它。",
                en: "The server knows the request method, but the target resource does not support it."
            ),
            detail: Localized(
                zh:
                    "当方法本身是服务器认识的、只是这个资源不接受时使用，例如对只读资源发 DELETE。源服务器必须在 405 响应中带上 Allow 头，列出该资源当前支持的方法；客户端也可以事先发一个 OPTIONS 请求，从响应的 Allow 头得知同样的信息。405 响应默认可以被启发式缓存。如果服务器根本不认识或没有实现这个方法，应使用 501。",
                en:
                    "Used when the server knows the method but this resource does not accept it, such as DELETE on a read-only resource. The origin server MUST include an Allow header listing the methods the resource currently supports; a client can also learn them beforehand from the Allow header of a response to an OPTIONS request. A 405 response is heuristically cacheable by default. If the server does not recognise or implement the method at all, 501 fits instead."
            ),
            scenario: Localized(
                zh: "客户端向一个只读的汇率查询接口发送 DELETE 请求，服务器回复这里只接受 GET 和 HEAD。",
                en: "A client sends DELETE to a read-only exchange-rate endpoint, and the server replies that only GET and HEAD work there."
            ),
            headers: ["Allow"],
            confusions: [
                Confusion(
                    code: 501,
                    why: Localized(
                        zh: "405 是服务器认识该方法、只是这个资源不允许；501 是服务器对任何资源都不支持该方法。",
                        en:
                            "405 means the server knows the method but this resource does not allow it; 501 means the server supports the method for no resource at all."
                    )),
                Confusion(
                    code: 403,
                    why: Localized(
                        zh: "405 只针对请求方法，并必须用 Allow 头列出可用方法；403 是与方法无关的拒绝。",
                        en: "405 is about the method only and must list the allowed ones in Allow; 403 is a refusal that has nothing to do with the method."
                    )),
            ]
        ),
    ]

    private static let clientErrors406to411: [StatusCode] = [
        StatusCode(
            code: 406,
            phrase: "Not Acceptable",
            reference: "RFC 9110 §15.5.7",
            name: Localized(zh: "无法接受", en: "Not Acceptable"),
            summary: Localized(
                zh: "资源没有任何一种表示符合请求中 Accept 类协商头的要求。",
                en: "The resource has no representation that meets the preferences in the request's Accept headers."
            ),
            detail: Localized(
                zh:
                    "客户端用 Accept、Accept-Language、Accept-Encoding 等头声明自己能接受什么；若目标资源没有满足这些要求的表示，而服务器又不愿退而返回默认表示，就发送 406。服务器应在正文中列出可用的表示，供用户或客户端挑选。实际上很多服务器宁愿忽略这些偏好，直接返回默认格式。",
                en:
                    "The client states what it accepts through Accept, Accept-Language, Accept-Encoding and similar headers; when the resource has no representation that matches and the server will not fall back to a default, it sends 406. The server should list the available representations in the body so the user or agent can choose. In practice many servers ignore the preferences and send their default instead."
            ),
            scenario: Localized(
                zh: "客户端在请求头里坚持只要 application/xml，但这个接口只能输出 JSON，服务器也不愿意退而返回 JSON。",
                en: "A client insists on application/xml in its Accept header, but the API can only produce JSON and will not fall back to it."
            ),
            headers: ["Accept", "Accept-Language", "Accept-Encoding"],
            confusions: [
                Confusion(
                    code: 415,
                    why: Localized(
                        zh: "406 关心客户端想要的响应格式（Accept）；415 关心客户端发来的请求内容格式（Content-Type）。",
                        en: "406 is about the response format the client wants (Accept); 415 is about the format of the content the client sent (Content-Type)."
                    ))
            ]
        ),
        StatusCode(
            code: 407,
            phrase: "Proxy Authentication Required",
            reference: "RFC 9110 §15.5.8",
            name: Localized(zh: "需要代理认证", en: "Proxy Authentication Required"),
            summary: Localized(
                zh: "客户端必须先通过代理的身份认证。",
                en: "The client must first authenticate itself with the proxy."
            ),
            detail: Localized(
                zh: "与 401 类似，但要求认证的是代理，而不是源服务器。代理必须发送 Proxy-Authenticate 头给出认证质询，客户端再用 Proxy-Authorization 头携带凭据重试。这两个头是给代理看的，与源服务器无关。",
                en:
                    "Like 401, but it is a proxy, not the origin server, that demands credentials. The proxy MUST send a Proxy-Authenticate header with its challenge, and the client retries with a Proxy-Authorization header. Those headers are meant for the proxy, not for the origin server."
            ),
            scenario: Localized(
                zh: "公司要求所有外网流量都经过一台代理，而某位开发者的命令行工具没配置代理账号密码就去下载依赖包。",
                en:
                    "A company routes all outbound traffic through a proxy, and a developer's command-line tool tries to download packages without the proxy username and password configured."
            ),
            headers: ["Proxy-Authenticate", "Proxy-Authorization"],
            confusions: [
                Confusion(
                    code: 401,
                    why: Localized(
                        zh: "401 是源服务器要求认证；407 是路径上的代理要求认证。",
                        en: "401 is the origin server asking for credentials; 407 is a proxy on the path asking."
                    )),
                Confusion(
                    code: 511,
                    why: Localized(
                        zh: "511 来自控制网络接入的拦截代理（如酒店 Wi-Fi 门户），客户端并没有主动配置它；407 来自客户端明确使用的代理。",
                        en:
                            "511 comes from an intercepting proxy that controls network access, such as a hotel Wi-Fi portal the client never configured; 407 comes from a proxy the client uses on purpose."
                    )),
            ]
        ),
        StatusCode(
            code: 408,
            phrase: "Request Timeout",
            reference: "RFC 9110 §15.5.9",
            name: Localized(zh: "请求超时", en: "Request Timeout"),
            summary: Localized(
                zh: "服务器等了太久，仍没有收到完整的请求。",
                en: "The server did not receive a complete request within the time it was willing to wait."
            ),
            detail: Localized(
                zh:
                    "408 表示服务器在愿意等待的时间内没有收到完整的请求报文，于是放弃。在 HTTP/1.1 中服务器通常随即关闭连接，并在响应里带上 Connection: close；客户端可以重发请求，旧连接不能再用时就换新连接。它怪的是客户端太慢，这和网关等上游等不及的 504 不同。",
                en:
                    "408 means the server did not receive a complete request message within the time it was prepared to wait, and gave up. In HTTP/1.1 the server usually closes the connection too, marking the response with Connection: close; the client may repeat the request, on a new connection if the old one can no longer be used. It blames a slow client, unlike 504, where a gateway waited too long for an upstream server."
            ),
            scenario: Localized(
                zh: "客户端打开连接后只发了一半请求头就卡住了，服务器等了一分钟也没等到剩下的部分。",
                en: "A client opens a connection, sends half of its headers and then stalls; after a minute the server stops waiting for the rest."
            ),
            headers: ["Connection"],
            confusions: [
                Confusion(
                    code: 504,
                    why: Localized(
                        zh: "408 是服务器等客户端的请求等不到；504 是网关等上游服务器的响应等不到。",
                        en: "408 is a server giving up on the client's request; 504 is a gateway giving up on an upstream server's response."
                    ))
            ]
        ),
        StatusCode(
            code: 409,
            phrase: "Conflict",
            reference: "RFC 9110 §15.5.10",
            name: Localized(zh: "冲突", en: "Conflict"),
            summary: Localized(
                zh: "请求与目标资源的当前状态冲突，无法完成。",
                en: "The request clashes with the current state of the target resource."
            ),
            detail: Localized(
                zh: "当请求本身没问题、却与资源的当前状态矛盾时使用，最常见的是并发编辑：客户端基于旧版本提交了修改。服务器应在正文中把冲突说清楚，让用户能够解决后重新提交。如果客户端带了 If-Match 之类的条件头而条件不成立，412 更准确。",
                en:
                    "Used when the request is valid in itself but contradicts the resource's current state, most often a concurrent edit made against an old version. The server should describe the problem in the body well enough for the user to resolve it and resubmit. If the client sent a condition such as If-Match and it failed, 412 is the more precise code."
            ),
            scenario: Localized(
                zh: "两位编辑同时修改同一篇维基文章，后保存的人提交的是基于旧版本的改动，会把对方刚做的修改抹掉。",
                en:
                    "Two editors change the same wiki page at once; the second one saves changes based on an older revision that would wipe out the first one's edits."
            ),
            confusions: [
                Confusion(
                    code: 412,
                    why: Localized(
                        zh: "客户端用 If-Match 等条件头声明了前提、而前提不成立时用 412；没有条件头、服务器自己发现状态矛盾时用 409。",
                        en:
                            "412 answers a request whose If-Match or similar condition failed; 409 is for a clash the server finds by itself, without any condition being sent."
                    )),
                Confusion(
                    code: 423,
                    why: Localized(
                        zh: "资源被 WebDAV 锁住而导致无法修改时，423 比 409 更具体。",
                        en: "When the change is blocked by a WebDAV lock, 423 is more specific than 409."
                    )),
            ]
        ),
        StatusCode(
            code: 410,
            phrase: "Gone",
            reference: "RFC 9110 §15.5.11",
            name: Localized(zh: "已永久移除", en: "Gone"),
            summary: Localized(
                zh: "资源已被有意永久移除，也没有新地址。",
                en: "The resource was removed on purpose, for good, and has no forwarding address."
            ),
            detail: Localized(
                zh: "410 告诉客户端：资源在源服务器上已经不存在，这种状况很可能是永久的，也没有转发地址。它主要服务于网站维护，提示对方删除指向它的链接和书签。410 响应默认可以被启发式缓存。如果服务器不确定是否永久，应使用 404。",
                en:
                    "410 tells the client that the resource is no longer available at the origin, that this is likely permanent, and that there is no forwarding address. It mainly helps site maintenance by prompting recipients to remove links and bookmarks to it. A 410 response is heuristically cacheable by default. If the server cannot tell whether the absence is permanent, it should use 404."
            ),
            scenario: Localized(
                zh: "一个限时促销页面在活动结束后被刻意下线，运营方希望搜索引擎和其他网站尽快删掉这个地址。",
                en:
                    "A limited-time promotion page is deliberately taken down after the campaign ends, and the site wants search engines and other sites to drop the link for good."
            ),
            confusions: [
                Confusion(
                    code: 404,
                    why: Localized(
                        zh: "404 不说明暂时还是永久；410 明确表示资源已被永久移除。",
                        en: "404 leaves open whether the absence is temporary or permanent; 410 says the resource was removed for good."
                    )),
                Confusion(
                    code: 301,
                    why: Localized(
                        zh: "资源搬到了新地址应使用 301 并给出 Location；410 表示没有新地址。",
                        en: "A resource that moved to a new address calls for 301 with Location; 410 means there is no new address."
                    )),
            ]
        ),
        StatusCode(
            code: 411,
            phrase: "Length Required",
            reference: "RFC 9110 §15.5.12",
            name: Localized(zh: "需要内容长度", en: "Length Required"),
            summary: Localized(
                zh: "服务器拒绝接受没有声明 Content-Length 的请求。",
                en: "The server refuses a request that does not declare its Content-Length."
            ),
            detail: Localized(
                zh: "服务器要求请求带上明确的 Content-Length，不接受未事先声明长度的内容，例如分块传输的上传。客户端补上写明正文字节数的 Content-Length 头后就可以重试。它与内容太大无关，那是 413 的事。",
                en:
                    "The server will not accept content without a defined Content-Length, such as a chunked upload. The client may repeat the request after adding a valid Content-Length header giving the size of the body. It says nothing about the body being too big; that is 413."
            ),
            scenario: Localized(
                zh: "上传工具用分块传输流式发送文件，而这台老服务器坚持要事先知道请求体的字节数。",
                en: "An upload tool streams a file with chunked transfer coding, but the old server insists on knowing the body's byte count up front."
            ),
            headers: ["Content-Length"],
            confusions: [
                Confusion(
                    code: 413,
                    why: Localized(
                        zh: "411 是没有声明长度；413 是长度超出了服务器的上限。",
                        en: "411 means no length was declared; 413 means the content is bigger than the server accepts."
                    ))
            ]
        ),
    ]

    private static let clientErrors412to418: [StatusCode] = [
        StatusCode(
            code: 412,
            phrase: "Precondition Failed",
            reference: "RFC 9110 §15.5.13",
            name: Localized(zh: "前提条件失败", en: "Precondition Failed"),
            summary: Localized(
                zh: "请求头中的一个或多个条件在服务器上判定为假。",
                en: "One or more conditions in the request headers evaluated to false on the server."
            ),
            detail: Localized(
                zh: "客户端用 If-Match、If-Unmodified-Since 等条件头表示“只有资源仍是我看到的那个版本才执行”。条件不成立时，服务器返回 412 且不做任何修改，以此防止覆盖别人的更新。客户端应重新获取最新版本，合并修改后再试。",
                en:
                    "The client used a conditional header such as If-Match or If-Unmodified-Since to say: only do this if the resource is still the version I saw. When a condition evaluates to false, the server answers 412 and changes nothing, which prevents lost updates. The client should fetch the current version, merge its changes and try again."
            ),
            scenario: Localized(
                zh: "应用带着之前拿到的 ETag 用 If-Match 提交修改，但服务器上的文档已经被别人改过，ETag 对不上了。",
                en:
                    "An app saves an edit with If-Match set to the ETag it fetched earlier, but someone else has updated the document since, so the tags differ."
            ),
            headers: ["If-Match", "If-Unmodified-Since", "If-None-Match", "ETag"],
            confusions: [
                Confusion(
                    code: 428,
                    why: Localized(
                        zh: "412 是带了条件但条件不成立；428 是服务器要求带条件，而请求根本没带。",
                        en: "412 means a condition was sent and failed; 428 means the server requires a condition and none was sent."
                    )),
                Confusion(
                    code: 304,
                    why: Localized(
                        zh: "GET 或 HEAD 上的 If-None-Match、If-Modified-Since 不成立时返回 304，而不是 412。",
                        en: "A failed If-None-Match or If-Modified-Since on GET or HEAD yields 304, not 412."
                    )),
            ]
        ),
        StatusCode(
            code: 413,
            phrase: "Content Too Large",
            formerPhrases: ["Payload Too Large", "Request Entity Too Large"],
            reference: "RFC 9110 §15.5.14",
            name: Localized(zh: "内容过大", en: "Content Too Large"),
            summary: Localized(
                zh: "请求内容超出了服务器愿意或能够处理的大小。",
                en: "The request content is larger than the server is willing or able to process."
            ),
            detail: Localized(
                zh:
                    "服务器拒绝处理请求，因为请求内容超出了它愿意或能够处理的大小；它也可以直接关闭连接，不再接收剩余数据。如果限制只是暂时的，服务器应发送 Retry-After 头，说明多久之后可以再试。RFC 2616 称它为 Request Entity Too Large，RFC 7231 改叫 Payload Too Large，RFC 9110 定为现名。",
                en:
                    "The server refuses the request because its content is larger than it is willing or able to process, and it may close the connection to stop receiving the rest. If the condition is temporary, the server should send Retry-After to say when the client may try again. RFC 2616 called it Request Entity Too Large, RFC 7231 renamed it Payload Too Large, and RFC 9110 gave it its current name."
            ),
            scenario: Localized(
                zh: "用户把一个 2 GB 的视频拖进只允许 100 MB 附件的表单，然后点了提交。",
                en: "A user drops a 2 GB video into a form that accepts attachments of up to 100 MB and submits it."
            ),
            headers: ["Retry-After"],
            confusions: [
                Confusion(
                    code: 431,
                    why: Localized(
                        zh: "413 指请求正文太大；431 指请求头字段太大。",
                        en: "413 is about the request body being too big; 431 is about the header fields being too big."
                    )),
                Confusion(
                    code: 414,
                    why: Localized(
                        zh: "414 是 URI 太长；413 是正文内容太大。",
                        en: "414 is a URI that is too long; 413 is content that is too large."
                    )),
                Confusion(
                    code: 507,
                    why: Localized(
                        zh: "507 是服务器自己的存储空间不够；413 是请求超出了服务器设定的上限。",
                        en: "507 means the server has run out of room to store things; 413 means the request exceeds a limit the server sets."
                    )),
            ]
        ),
        StatusCode(
            code: 414,
            phrase: "URI Too Long",
            formerPhrases: ["Request-URI Too Long"],
            reference: "RFC 9110 §15.5.15",
            name: Localized(zh: "URI 过长", en: "URI Too Long"),
            summary: Localized(
                zh: "目标 URI 比服务器愿意解析的长度更长。",
                en: "The target URI is longer than the server is willing to interpret."
            ),
            detail: Localized(
                zh:
                    "实际中很少见：通常是客户端把本该放进 POST 正文的大量数据塞进了 GET 的查询字符串，或者重定向不断给 URI 加前缀形成循环，也可能是有人在试探服务器的漏洞。414 响应默认可以被启发式缓存。解决办法是缩短 URI，或改用请求正文传递数据。旧名为 Request-URI Too Long。",
                en:
                    "Rare in practice: usually a client has put a large amount of data into a GET query string that belonged in a POST body, or a redirect loop keeps lengthening the URI, or someone is probing the server for weaknesses. A 414 response is heuristically cacheable by default. The fix is to shorten the URI or move the data into the request body. Its older name was Request-URI Too Long."
            ),
            scenario: Localized(
                zh: "前端把一整张表格的数据编码进 GET 请求的查询字符串，地址长达几十万个字符。",
                en: "A front end encodes a whole spreadsheet into the query string of a GET, producing an address hundreds of thousands of characters long."
            ),
            confusions: [
                Confusion(
                    code: 431,
                    why: Localized(
                        zh: "431 是请求头字段太大；414 专指 URI 太长。",
                        en: "431 is about oversized header fields; 414 is only about the URI."
                    )),
                Confusion(
                    code: 413,
                    why: Localized(
                        zh: "413 是正文太大；把数据从 URI 挪到正文后，要注意的就是 413 的上限。",
                        en: "413 is about an oversized body; once data moves from the URI into the body, 413's limit is the one to watch."
                    )),
            ]
        ),
        StatusCode(
            code: 415,
            phrase: "Unsupported Media Type",
            reference: "RFC 9110 §15.5.16",
            name: Localized(zh: "不支持的媒体类型", en: "Unsupported Media Type"),
            summary: Localized(
                zh: "请求内容的格式（媒体类型或内容编码）不被目标资源支持。",
                en: "The format of the request content, its media type or content coding, is not supported by the target resource."
            ),
            detail: Localized(
                zh:
                    "问题出在请求正文上：Content-Type 声明的媒体类型、Content-Encoding 声明的编码，或服务器检查数据后发现的格式不被接受。若是媒体类型的问题，服务器可以用 Accept 响应头列出它接受的类型；若是编码的问题，则用 Accept-Encoding。与 406 相反，415 关心的是客户端发来的内容，而不是它想要的响应。",
                en:
                    "The problem is the request content: its Content-Type, its Content-Encoding, or a format the server found by inspecting the data. For an unsupported media type the server can list what it takes in an Accept response header; for an unsupported coding, in Accept-Encoding. Unlike 406, 415 is about what the client sent, not about the response it wants."
            ),
            scenario: Localized(
                zh: "客户端带着 Content-Type: application/xml 把一份 XML 文档提交给只收 application/json 的接口。",
                en: "A client posts an XML document with Content-Type: application/xml to an endpoint that only takes application/json."
            ),
            headers: ["Content-Type", "Content-Encoding", "Accept", "Accept-Encoding"],
            confusions: [
                Confusion(
                    code: 406,
                    why: Localized(
                        zh: "415 针对请求内容的格式；406 针对客户端希望得到的响应格式。",
                        en: "415 concerns the format of the request content; 406 concerns the response format the client asks for."
                    )),
                Confusion(
                    code: 422,
                    why: Localized(
                        zh: "格式被支持、只是内容在语义上有错时用 422；格式本身不被支持才用 415。",
                        en: "422 is for a supported format whose content is semantically wrong; 415 is for a format that is not supported at all."
                    )),
            ]
        ),
        StatusCode(
            code: 416,
            phrase: "Range Not Satisfiable",
            formerPhrases: ["Requested Range Not Satisfiable"],
            reference: "RFC 9110 §15.5.17",
            name: Localized(zh: "范围无法满足", en: "Range Not Satisfiable"),
            summary: Localized(
                zh: "请求的 Range 范围与资源的实际内容没有任何重叠。",
                en: "None of the ranges in the request's Range header overlap the resource."
            ),
            detail: Localized(
                zh:
                    "客户端用 Range 头请求资源的一部分，但请求的所有范围都超出了资源的实际大小，或者客户端要了数量过多、细碎或相互重叠的范围（可能是拒绝服务攻击）。对字节范围请求返回 416 时，服务器应发送 Content-Range 头（例如 bytes */1234）说明资源当前的长度。客户端应按实际长度调整范围，或去掉 Range 重新请求。旧名为 Requested Range Not Satisfiable。",
                en:
                    "The client asked for part of a resource with a Range header, but every requested range lies beyond the resource's actual size, or the client asked for an excessive number of small or overlapping ranges, which looks like a denial-of-service attempt. For a byte-range request the server should send Content-Range with the current length, such as bytes */1234. The client should adjust the range to the real length or ask again without Range. Its older name was Requested Range Not Satisfiable."
            ),
            scenario: Localized(
                zh: "下载工具续传时请求从第 5000 字节开始的部分，但服务器上的文件已经换成了只有 3000 字节的新版本。",
                en: "A download manager resumes from byte 5000, but the file on the server has been replaced by a 3000-byte version."
            ),
            headers: ["Range", "Content-Range"],
            confusions: [
                Confusion(
                    code: 206,
                    why: Localized(
                        zh: "范围可以满足时返回 206 和对应片段；一个都满足不了才返回 416。",
                        en: "206 returns the requested parts when the range can be served; 416 is for when none of it can."
                    ))
            ]
        ),
        StatusCode(
            code: 417,
            phrase: "Expectation Failed",
            reference: "RFC 9110 §15.5.18",
            name: Localized(zh: "期望无法满足", en: "Expectation Failed"),
            summary: Localized(
                zh: "请求 Expect 头里的期望，至少有一项服务器无法满足。",
                en: "At least one expectation in the request's Expect header cannot be met."
            ),
            detail: Localized(
                zh: "目前唯一标准化的期望是 Expect: 100-continue，客户端借此在发送大请求体之前先征得服务器同意。如果服务器（或路径上的任一入站服务器）无法满足 Expect 中的期望，例如遇到不认识的期望值，就可以返回 417。客户端可以去掉 Expect 头重新发送请求。",
                en:
                    "The only standard expectation today is Expect: 100-continue, which lets a client ask for a go-ahead before sending a large body. When the server, or any inbound server on the path, cannot meet an expectation in Expect, for example one it does not recognise, it may return 417. The client can resend the request without the Expect header."
            ),
            scenario: Localized(
                zh: "客户端在 Expect 头里放了一个服务器从未见过的自定义值，服务器无法兑现这个要求。",
                en: "A client puts a custom value the server has never seen into its Expect header, and the server cannot honour it."
            ),
            headers: ["Expect"],
            confusions: [
                Confusion(
                    code: 100,
                    why: Localized(
                        zh: "100 是服务器同意 Expect: 100-continue、让客户端继续发送正文；417 是期望落空。",
                        en: "100 is the server agreeing to Expect: 100-continue so the client sends its body; 417 is the expectation being refused."
                    )),
                Confusion(
                    code: 412,
                    why: Localized(
                        zh: "412 针对 If-* 条件头不成立；417 只针对 Expect 头。",
                        en: "412 is about a failed If-* condition; 417 is only about the Expect header."
                    )),
            ]
        ),
        StatusCode(
            code: 418,
            phrase: "(Unused)",
            formerPhrases: ["I'm a teapot"],
            reference: "RFC 9110 §15.5.19",
            flags: [.unused],
            name: Localized(zh: "未使用（原“我是茶壶”）", en: "Unused (formerly I'm a teapot)"),
            summary: Localized(
                zh: "已保留、不再分配的状态码，源自愚人节 RFC 里的“我是茶壶”玩笑。",
                en: "Reserved and not to be assigned; it comes from the teapot joke of an April Fools' RFC."
            ),
            detail: Localized(
                zh:
                    "1998 年的愚人节 RFC 2324（超文本咖啡壶控制协议）定义了 418，让茶壶拒绝煮咖啡。这个玩笑被大量软件实现，以至于该码再也无法安全地赋予真正的含义，所以 RFC 9110 在注册表中把它保留为 (Unused)。正式服务不应依赖它；要拒绝请求，请使用 403、429 等语义明确的状态码。",
                en:
                    "The April Fools' RFC 2324 of 1998, the Hyper Text Coffee Pot Control Protocol, defined 418 for a teapot that refuses to brew coffee. The joke was implemented so widely that the code can no longer safely be given a real meaning, so RFC 9110 reserves it in the registry as (Unused). Real services should not rely on it; to refuse a request, use a code with defined semantics such as 403 or 429."
            ),
            scenario: Localized(
                zh: "在一个愚人节协议里，厨房设备被要求煮咖啡，它回答说自己只会泡茶；这个玩笑用过的状态码如今在 HTTP 注册表里被保留，不再分配。",
                en:
                    "In an April Fools' protocol, a kitchen appliance asked to brew coffee replies that it only makes tea; the code that joke used is now reserved in the HTTP registry."
            ),
            confusions: [
                Confusion(
                    code: 403,
                    why: Localized(
                        zh: "有些网站用 418 打发不想处理的请求（如爬虫），标准做法是 403 或 429。",
                        en: "Some sites send 418 to turn away requests they dislike, such as bots; the standard answers are 403 or 429."
                    ))
            ]
        ),
    ]

    private static let clientErrors421to451: [StatusCode] = [
        StatusCode(
            code: 421,
            phrase: "Misdirected Request",
            reference: "RFC 9110 §15.5.20",
            name: Localized(zh: "请求被误导向", en: "Misdirected Request"),
            summary: Localized(
                zh: "请求被发到了一个无法为该 URI 给出权威响应的服务器。",
                en: "The request reached a server that cannot produce an authoritative response for its URI."
            ),
            detail: Localized(
                zh: "常见于连接复用：HTTP/2 或 HTTP/3 客户端把发往另一个主机名的请求放到了已有连接上，而连接另一端的服务器并不负责那个协议（scheme）和主机的组合。发送它的是源服务器或代表源服务器的网关。客户端可以换一条连接重试，无论请求方法是否幂等。",
                en:
                    "Typically a result of connection reuse: an HTTP/2 or HTTP/3 client sends a request for another host name over an existing connection, and the server at the other end is not configured for that combination of scheme and authority. It is sent by the origin server or a gateway acting for it. The client may retry over a different connection, whether or not the method is idempotent."
            ),
            scenario: Localized(
                zh: "两个域名共用一张证书、解析到同一个 IP，浏览器便复用同一条加密连接去请求第二个域名，可那台服务器只负责第一个域名。",
                en:
                    "Two host names share a TLS certificate and resolve to the same IP, so the browser reuses one encrypted connection for both, but the server on it only serves the first host."
            ),
            confusions: [
                Confusion(
                    code: 404,
                    why: Localized(
                        zh: "404 是找对了服务器但没有这个资源；421 是找错了服务器，换条连接可能就好了。",
                        en: "404 means the right server has no such resource; 421 means the wrong server was reached, and a new connection may fix it."
                    )),
                Confusion(
                    code: 502,
                    why: Localized(
                        zh: "502 是网关从上游拿到了无效响应；421 是收到请求的服务器本身就不该处理这个主机。",
                        en: "502 is a gateway getting a bad upstream reply; 421 is the receiving server not being responsible for that host at all."
                    )),
            ]
        ),
        StatusCode(
            code: 422,
            phrase: "Unprocessable Content",
            formerPhrases: ["Unprocessable Entity"],
            reference: "RFC 9110 §15.5.21",
            name: Localized(zh: "无法处理的内容", en: "Unprocessable Content"),
            summary: Localized(
                zh: "请求格式正确、类型也受支持，但其中的指令无法执行。",
                en: "The request is well-formed and of a supported type, but its instructions cannot be carried out."
            ),
            detail: Localized(
                zh:
                    "服务器理解内容的媒体类型，语法也没有问题，但内容在语义上无法处理，例如字段校验不通过，或 XML 良构却包含错误的指令。这个码最初由 WebDAV（RFC 4918）以 Unprocessable Entity 之名定义，RFC 9110 把它收进核心 HTTP 并改了名。客户端应按正文中的错误说明修改内容，原样重发没有用。",
                en:
                    "The server understands the content type and the syntax is correct, but it cannot process what the content asks for: a field fails validation, or well-formed XML carries erroneous instructions. WebDAV (RFC 4918) first defined it as Unprocessable Entity; RFC 9110 moved it into core HTTP and renamed it. The client should fix the content using the error details in the body; resending it unchanged will not help."
            ),
            scenario: Localized(
                zh: "注册接口收到一份语法完全正确的 JSON，但里面的出生日期在未来，邮箱字段也不是合法地址。",
                en: "A sign-up endpoint receives perfectly well-formed JSON, but the birth date in it lies in the future and the email field is not an address."
            ),
            confusions: [
                Confusion(
                    code: 400,
                    why: Localized(
                        zh: "400 是请求本身有格式错误、解析不了；422 是能解析，但内容在语义上站不住。",
                        en: "400 is a request that is malformed and cannot be parsed; 422 parses fine but its content does not make sense."
                    )),
                Confusion(
                    code: 415,
                    why: Localized(
                        zh: "415 是内容格式不受支持；422 的格式受支持，错在内容本身。",
                        en: "415 means the content format is unsupported; with 422 the format is fine and the content is wrong."
                    )),
                Confusion(
                    code: 409,
                    why: Localized(
                        zh: "内容本身合法、只是与资源当前状态矛盾时用 409；内容本身无效才用 422。",
                        en: "409 is for valid content that clashes with the resource's current state; 422 is for content that is invalid in itself."
                    )),
            ]
        ),
        StatusCode(
            code: 423,
            phrase: "Locked",
            reference: "RFC 4918 §11.3",
            flags: [.webdav],
            name: Localized(zh: "已锁定", en: "Locked"),
            summary: Localized(
                zh: "请求涉及的源资源或目标资源已被锁定。",
                en: "The source or destination resource of the method is locked."
            ),
            detail: Localized(
                zh:
                    "WebDAV 允许客户端锁定资源，防止别人修改。请求触及被锁住的资源、却没有提交对应的锁令牌时，服务器返回 423，正文中应给出前置条件代码，如 lock-token-submitted 或 no-conflicting-lock。客户端需要在 If 头里提交正确的锁令牌，或者等锁释放后再试。",
                en:
                    "WebDAV lets a client lock a resource so others cannot change it. When a request touches a locked resource without submitting the matching lock token, the server answers 423, and the body should carry a precondition code such as lock-token-submitted or no-conflicting-lock. The client must supply the right lock token in the If header, or wait until the lock is released."
            ),
            scenario: Localized(
                zh: "同事正通过 WebDAV 编辑一份共享文档并持有写锁，你想用另一个程序把这个文件覆盖保存。",
                en: "A colleague is editing a shared document over WebDAV and holds a write lock on it, and you try to save over the file from another program."
            ),
            headers: ["If", "Lock-Token"],
            confusions: [
                Confusion(
                    code: 409,
                    why: Localized(
                        zh: "409 是笼统的状态冲突；423 专指 WebDAV 锁挡住了请求。",
                        en: "409 is a general clash with the resource's state; 423 specifically means a WebDAV lock is in the way."
                    ))
            ]
        ),
        StatusCode(
            code: 424,
            phrase: "Failed Dependency",
            reference: "RFC 4918 §11.4",
            flags: [.webdav],
            name: Localized(zh: "依赖失败", en: "Failed Dependency"),
            summary: Localized(
                zh: "操作依赖的另一个操作失败了，所以它也无法执行。",
                en: "The method could not be performed because an action it depended on failed."
            ),
            detail: Localized(
                zh: "主要出现在 WebDAV 的多状态响应里：例如一个 PROPPATCH 要同时修改多个属性，且必须全部成功或全部不做；其中一项失败后，其余各项就在 207 多状态正文中标为 424。它说明这一项本身没问题，是被别的失败连累的。客户端应找出真正失败的那一项并修正。",
                en:
                    "Mostly seen inside WebDAV multi-status responses: a PROPPATCH that sets several properties must succeed or fail as a whole, so when one change fails, the others are reported as 424 in the 207 body. It says that this part was fine in itself but was dragged down by another failure. The client should find and fix the operation that really failed."
            ),
            scenario: Localized(
                zh: "一次批量修改属性的请求里有一个属性是只读的，改它失败了，结果同一请求中其余本来合法的修改也都没有生效。",
                en:
                    "In a batch of property changes, one property is read-only and its change fails; every other, perfectly valid change in the same request is therefore not applied."
            ),
            confusions: [
                Confusion(
                    code: 207,
                    why: Localized(
                        zh: "207 是承载多个结果的外层响应；424 是其中某一项的状态，表示它因别的项失败而未执行。",
                        en:
                            "207 is the outer response that carries many results; 424 is the status of one item inside it that was skipped because another failed."
                    ))
            ]
        ),
        StatusCode(
            code: 425,
            phrase: "Too Early",
            reference: "RFC 8470 §5.2",
            name: Localized(zh: "为时过早", en: "Too Early"),
            summary: Localized(
                zh: "服务器不愿冒险处理一个可能被重放的请求。",
                en: "The server is unwilling to risk processing a request that might be replayed."
            ),
            detail: Localized(
                zh:
                    "它与 TLS 1.3 的 0-RTT 早期数据有关：握手完成之前发出的请求可能被攻击者截获并重放。服务器不愿承担这个风险时就返回 425。只有请求是以早期数据到达的，或被中间节点用 Early-Data: 1 标记过，服务器才能指望客户端会重试，所以除此之外不应（SHOULD NOT）发送 425。客户端应自动重试，但重试绝不能（MUST NOT）再放进早期数据。RFC 8470 属于标准轨道，并非实验性规范。一些旧的程序库把 425 显示为 Unordered Collection，那是一份 WebDAV 草案里的名字，从未正式注册。",
                en:
                    "It concerns TLS 1.3 early data (0-RTT): a request sent before the handshake completes could be captured and replayed by an attacker. When the server will not take that risk it answers 425. It SHOULD NOT send 425 for any request other than one that arrived in early data or that an intermediary marked with Early-Data: 1, since only then can it count on the client retrying. The client should retry automatically, and the retry MUST NOT be sent in early data. RFC 8470 is on the Standards Track, not experimental. Some older libraries print 425 as Unordered Collection, a name from a WebDAV draft that was never registered."
            ),
            scenario: Localized(
                zh: "浏览器在 TLS 握手还没完成时，就用 0-RTT 数据发出了一个下单请求；服务器担心它被重放，要求握手完成后再发一次。",
                en:
                    "A browser sends an order request as TLS 1.3 0-RTT data before the handshake has finished, and the server, wary of a replay, wants it resent once the handshake completes."
            ),
            headers: ["Early-Data"],
            confusions: [
                Confusion(
                    code: 429,
                    why: Localized(
                        zh: "429 是请求太频繁，要放慢；425 与频率无关，握手完成后立即重试即可。",
                        en:
                            "429 means the client is asking too often and must slow down; 425 has nothing to do with rate, and the client can retry as soon as the handshake completes."
                    ))
            ]
        ),
        StatusCode(
            code: 426,
            phrase: "Upgrade Required",
            reference: "RFC 9110 §15.5.22",
            name: Localized(zh: "需要升级协议", en: "Upgrade Required"),
            summary: Localized(
                zh: "服务器拒绝用当前协议处理请求，要求客户端换用另一种协议。",
                en: "The server refuses to use the current protocol and requires the client to switch to another."
            ),
            detail: Localized(
                zh: "服务器拒绝以当前协议处理请求，但客户端升级到另一种协议后也许可以。服务器必须在 426 响应中发送 Upgrade 头，列出需要的协议，并在 Connection 头中带上 upgrade。客户端应改用其中列出的协议重新发起请求。",
                en:
                    "The server refuses to handle the request over the current protocol but might do so after the client upgrades to another one. The server MUST send an Upgrade header in the 426 response naming the required protocols, together with Connection: upgrade. The client should repeat the request using one of the listed protocols."
            ),
            scenario: Localized(
                zh: "一个只讲 WebSocket 的端点收到一个普通的 HTTP 请求，于是告诉客户端必须先切换到 WebSocket 协议。",
                en: "An endpoint that only speaks WebSocket receives a plain HTTP request and tells the client it must switch to the WebSocket protocol first."
            ),
            headers: ["Upgrade", "Connection"],
            confusions: [
                Confusion(
                    code: 101,
                    why: Localized(
                        zh: "101 是服务器同意切换协议；426 是服务器要求客户端切换。",
                        en: "101 is the server agreeing to switch protocols; 426 is the server demanding that the client switch."
                    )),
                Confusion(
                    code: 505,
                    why: Localized(
                        zh: "505 只说不支持请求所用的 HTTP 主版本；426 会在 Upgrade 头里指明需要哪种协议。",
                        en: "505 only says the HTTP major version is not supported; 426 names the protocol it requires in Upgrade."
                    )),
            ]
        ),
        StatusCode(
            code: 428,
            phrase: "Precondition Required",
            reference: "RFC 6585 §3",
            name: Localized(zh: "需要前提条件", en: "Precondition Required"),
            summary: Localized(
                zh: "服务器要求请求必须带上条件头。",
                en: "The origin server requires the request to be conditional."
            ),
            detail: Localized(
                zh: "目的是防止“丢失更新”：客户端先 GET 资源、修改后再 PUT 回去，期间别人也改过它，结果别人的修改被悄悄覆盖。返回 428 即要求客户端带上 If-Match 等条件头重新提交。正文应说明如何重新提交，并且缓存不得存储 428 响应。",
                en:
                    "It prevents the lost-update problem: a client GETs a resource, edits it and PUTs it back while someone else changed it in between, silently overwriting their work. With 428 the server demands that the client resubmit with a condition such as If-Match. The body should explain how to resubmit, and caches must not store a 428 response."
            ),
            scenario: Localized(
                zh: "某接口规定每次修改都必须基于已知版本，而一个客户端直接 PUT 了新内容，没有附带任何 ETag 校验。",
                en: "An API requires every update to name the version it is based on, and a client PUTs new content without any ETag check at all."
            ),
            headers: ["If-Match", "If-Unmodified-Since"],
            confusions: [
                Confusion(
                    code: 412,
                    why: Localized(
                        zh: "412 是带了条件却不成立；428 是压根没带条件。",
                        en: "412 means a condition was sent and failed; 428 means no condition was sent at all."
                    ))
            ]
        ),
        StatusCode(
            code: 429,
            phrase: "Too Many Requests",
            reference: "RFC 6585 §4",
            name: Localized(zh: "请求过多", en: "Too Many Requests"),
            summary: Localized(
                zh: "客户端在一段时间内发送的请求太多，被限流了。",
                en: "The client has sent too many requests in a given amount of time: it is being rate limited."
            ),
            detail: Localized(
                zh: "服务器按用户、令牌或 IP 等维度限速，超过配额就返回 429。响应可以带 Retry-After 告诉客户端要等多久，正文应说明限流情况；客户端应放慢速度，最好采用指数退避。缓存不得存储 429 响应。它针对的是某个客户端过于频繁，而 503 表示服务器整体暂时无法服务。",
                en:
                    "The server limits the rate per user, token, IP or similar, and answers 429 once the quota is used up. It may include Retry-After to say how long to wait, and the body should explain the limit; the client should slow down, ideally with exponential backoff. Caches must not store a 429 response. It is about one client asking too often, whereas 503 means the whole server is temporarily unable to serve."
            ),
            scenario: Localized(
                zh: "一个爬虫脚本每秒向某个公开 API 发出数百次调用，远远超过每分钟 60 次的配额。",
                en: "A scraper script calls a public API hundreds of times a second, far beyond its quota of 60 calls a minute."
            ),
            headers: ["Retry-After"],
            confusions: [
                Confusion(
                    code: 503,
                    why: Localized(
                        zh: "429 是某个客户端请求太频繁；503 是服务器整体过载或在维护。两者都可以带 Retry-After。",
                        en:
                            "429 means one client is asking too often; 503 means the server as a whole is overloaded or down for maintenance. Both may carry Retry-After."
                    )),
                Confusion(
                    code: 403,
                    why: Localized(
                        zh: "403 是无论多慢都不许访问；429 是放慢速度后就可以继续。",
                        en: "403 refuses access however slowly you ask; 429 lets the client continue once it slows down."
                    )),
            ]
        ),
        StatusCode(
            code: 431,
            phrase: "Request Header Fields Too Large",
            reference: "RFC 6585 §5",
            name: Localized(zh: "请求头字段过大", en: "Request Header Fields Too Large"),
            summary: Localized(
                zh: "单个头字段或全部头字段加起来太大，服务器不愿处理。",
                en: "A single header field, or the header fields taken together, are too large for the server to process."
            ),
            detail: Localized(
                zh: "可能是所有头部加起来超限，也可能只是某一个字段过大，此时响应最好指出是哪一个。常见原因是 Cookie 越积越多。客户端缩减头部（例如清理 Cookie）后可以重新提交。缓存不得存储 431 响应。",
                en:
                    "Either the header section as a whole is too large or a single field is; in the latter case the response should say which one. A common cause is a Cookie header that keeps growing. The client may resubmit after shrinking its headers, for example by clearing cookies. Caches must not store a 431 response."
            ),
            scenario: Localized(
                zh: "一个网站多年来不断往浏览器里写 Cookie，如今每个请求都拖着几十 KB 的 Cookie，服务器开始拒收。",
                en: "A site has kept adding cookies for years; now every request carries tens of kilobytes of cookies and the server refuses it."
            ),
            headers: ["Cookie"],
            confusions: [
                Confusion(
                    code: 413,
                    why: Localized(
                        zh: "413 是正文太大；431 是头部太大。",
                        en: "413 is an oversized body; 431 is oversized headers."
                    )),
                Confusion(
                    code: 414,
                    why: Localized(
                        zh: "414 专指 URI 太长；431 指头字段太大。",
                        en: "414 is only about a long URI; 431 is about large header fields."
                    )),
            ]
        ),
        StatusCode(
            code: 451,
            phrase: "Unavailable For Legal Reasons",
            reference: "RFC 7725 §3",
            name: Localized(zh: "因法律原因不可用", en: "Unavailable For Legal Reasons"),
            summary: Localized(
                zh: "服务器因为法律要求而拒绝提供该资源。",
                en: "The server denies access to the resource because of a legal demand."
            ),
            detail: Localized(
                zh:
                    "服务器运营者收到了法律要求（如法院命令或政府的删除令），必须拒绝访问该资源或包含它的一组资源。正文应说明是什么要求、由谁提出、适用于哪些人和资源；可以用 Link 头（rel=\"blocked-by\"）指出实施封锁的一方。451 响应默认可以被缓存。这个数字取自小说《华氏 451》。",
                en:
                    "The server operator has received a legal demand, such as a court order or a government takedown, to deny access to the resource or to a set of resources that includes it. The body should explain the demand, who made it and whom it applies to; a Link header with rel=\"blocked-by\" can identify the party doing the blocking. A 451 response is cacheable by default. The number refers to the novel Fahrenheit 451."
            ),
            scenario: Localized(
                zh: "视频网站收到某国法院的命令，必须对来自该国的访客屏蔽一部电影，页面上注明了命令的出处。",
                en: "A video site receives a court order in one country and must block a film for visitors from there, citing the order on the page."
            ),
            headers: ["Link"],
            confusions: [
                Confusion(
                    code: 403,
                    why: Localized(
                        zh: "403 是一般的拒绝，不说明原因；451 明确说明拒绝是因为法律要求。",
                        en: "403 is a refusal that need not give a reason; 451 says the refusal is because of a legal demand."
                    )),
                Confusion(
                    code: 404,
                    why: Localized(
                        zh: "404 表示找不到；451 不暗示资源是否存在，只说明因法律原因不能提供。",
                        en: "404 says nothing was found; 451 implies nothing about whether the resource exists, only that law prevents serving it."
                    )),
            ]
        ),
    ]
}
