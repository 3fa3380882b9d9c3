import StatusDeckUI

/// TEMPORARY: a handful of cards so the quiz runs before the built-in decks are on main.
/// Replaced by BuiltInDecks when the catalog branch lands.
enum SampleCards {
    static let deckName = "Sample"

    static let all: [StudyCard] = [
        StudyCard(id: "http/404/code-to-meaning", prompt: "What does status 404 mean?", answer: "Not Found",
                  accepted: [], distractors: ["Gone", "Forbidden", "Bad Request"],
                  explanation: "The server found nothing at the target URI, or will not say whether anything is there. Compare 410 Gone: gone for good.",
                  mode: .flip),
        StudyCard(id: "http/503/code-to-meaning", prompt: "What does status 503 mean?", answer: "Service Unavailable",
                  accepted: [], distractors: ["Bad Gateway", "Gateway Timeout", "Internal Server Error"],
                  explanation: "The server cannot handle the request right now (overload, maintenance). Retry-After may say when to try again.",
                  mode: .choice),
        StudyCard(id: "http/401/phrase-to-code", prompt: "Which status code is \"Unauthorized\"?", answer: "401",
                  accepted: [], distractors: ["403", "407", "400"],
                  explanation: "401 means the request lacks valid credentials; the response carries WWW-Authenticate. 403: credentials do not help.",
                  mode: .type),
        StudyCard(id: "http/301/code-to-meaning", prompt: "What does status 301 mean?", answer: "Moved Permanently",
                  accepted: [], distractors: ["Found", "See Other", "Permanent Redirect"],
                  explanation: "The resource has a new permanent URI, given in Location. Clients may change POST to GET; 308 forbids that.",
                  mode: .flip),
    ]
}
