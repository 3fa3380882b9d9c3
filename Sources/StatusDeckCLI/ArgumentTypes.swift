import ArgumentParser
import StatusDeckCore

// The core's own enums are the options' values: no mirror types to convert with a fallback.
// Their raw values are what deck files and the config already spell.
extension QuizMode: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
