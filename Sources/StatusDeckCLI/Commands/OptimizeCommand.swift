import ArgumentParser
import FSRS
import FoundationEssentials
import Glibc
import StatusDeckCore
import StatusDeckHistory
import StatusDeckStore

/// `statusdeck optimize`: fits FSRS-6's 21 parameters to the learner's whole history, as fsrs-rs's
/// `compute_parameters` does, and shows how much better they predict it than the defaults.
struct OptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Fit the FSRS parameters to your own review history (a personal scheduler).",
        discussion: """
            Every review that came a study day or more after the card's previous one is a training \
            item (cards no deck holds any more included). Prints the fitted parameters and, for the \
            defaults and the fit, log loss, RMSE (bins) and AUC: lower log loss and RMSE, higher AUC, \
            predict your recall better. Nothing is written unless --apply is given. With --retention, \
            prints instead the desired retention that costs the least study time per card remembered.
            """)

    @OptionGroup var data: DataOptions
    @Flag(help: "Print JSON instead of text.") var json = false
    @Flag(help: "Store the fitted parameters as the `parameters` setting.") var apply = false
    @Flag(help: "Find the desired retention with the least study time per card remembered.") var retention = false

    func run() throws {
        if apply && retention {
            throw Report.fail("--apply with --retention; expected one of them (--retention stores nothing)", code: 2)
        }
        let dir = try CommandContext.directory(data)
        let store = ConfigStore(directory: dir)
        var file = try CommandContext.loadConfig(store)
        let historyStore = HistoryStore(directory: dir, clock: CommandContext.now, snapshotInBackground: true)
        let history = try CommandContext.loadHistory(historyStore)
        var config = CommandContext.studyConfig(file, history: history, store: historyStore)
        let records = TrainingHistory.records(history, dayStartsAt: config.dayStartsAt) { instant in
            CommandContext.utcOffsetSeconds(at: instant)
        }
        let items = TrainingSet.items(records)
        if retention {
            return printRetention(parameters: config.parameters)
        }
        let fit: Fit
        do { fit = try Optimizer.fit(items, runPair: { TwoLanes.run($0) }) } catch {
            guard case .notEnoughData(let usable, let kept) = error else { throw Report.fail("\(error)", code: 1) }
            throw Report.fail(
                "\(dir.historyPath): \(Report.count(usable, "review")) a study day or more after the card's previous one, "
                    + "\(kept) kept by fsrs-rs's outlier filter; expected at least \(Optimizer.minimumItems) "
                    + "(fsrs-rs's minimum) and a first answer followed by one on a later day; nothing written",
                code: 2)
        }
        let defaults = SchedulerConfiguration.defaultParameters
        guard let before = Evaluation.of(parameters: defaults, items: items),
            let after = Evaluation.of(parameters: fit.parameters, items: items)
        else { throw Report.fail("\(dir.historyPath): no reviews to evaluate; expected some", code: 2) }
        if json {
            print(Self.json(fit.parameters, reviews: records.count, items: items.count, before, after))
        } else {
            print(Self.text(fit, reviews: records.count, items: items.count, before, after))
        }
        guard apply else { return }

        let oldScheduler: Scheduler
        do { oldScheduler = try Scheduler(config.schedulerConfiguration) } catch {
            throw Report.fail("\(dir.configPath): \(error)", code: 2)
        }
        do {
            try config.set("parameters", to: fit.parameters.map { String($0) }.joined(separator: ", "))
            try file.set("parameters", to: config.value(of: "parameters") ?? "")
        } catch {
            throw Report.fail("fitted parameters: \(error.description)", code: 1)
        }
        let newScheduler: Scheduler
        do { newScheduler = try Scheduler(config.schedulerConfiguration) } catch {
            throw Report.fail("fitted parameters: \(error)", code: 1)
        }
        CommandContext.prepareForWriting()
        // As `config set` does: the event carries the parameters to the other machines, and
        // the file (this machine's own settings otherwise unchanged) records them here.
        try ConfigCommand.Set.appendEvent(key: "parameters", value: config.value(of: "parameters") ?? "", directory: dir)
        do { try store.save(file) } catch { throw Report.fail(error) }
        let old = Replay(history: history, scheduler: oldScheduler).cards
        let new = Replay(history: history, scheduler: newScheduler).cards
        let changed = new.filter { old[$0.key]?.schedule.due != $0.value.schedule.due }.count
        let line = "parameters stored in \(dir.configPath); \(Report.count(changed, "card")) changed due date"
        if json {
            Report.warn(line)
        } else {
            print(line)
        }
    }

    static func json(_ parameters: [Double], reviews: Int, items: Int, _ before: Evaluation, _ after: Evaluation) -> String {
        func scores(_ e: Evaluation) -> String {
            "{\"logLoss\":\(number(e.logLoss)),\"rmseBins\":\(number(e.rmseBins)),\"auc\":\(number(e.auc))}"
        }
        return "{\"parameters\":[" + parameters.map(number).joined(separator: ",") + "],\"reviews\":\(reviews),\"items\":\(items),"
            + "\"default\":\(scores(before)),\"fitted\":\(scores(after))}"
    }

    /// Shortest text that reads back as the same double: full precision.
    static func number(_ v: Double) -> String { String(v) }

    static func text(_ fit: Fit, reviews: Int, items: Int, _ before: Evaluation, _ after: Evaluation) -> String {
        var lines: [String] = []
        lines.append("Fitted FSRS-6 parameters (w0…w20):")
        lines.append("  " + fit.parameters.map(number).joined(separator: ", "))
        if fit.stage == .initialStabilityOnly {
            lines.append(
                "  (fewer than \(Optimizer.minimumItemsForFullFit) training items: only w0…w3 fitted, the rest are the defaults, as fsrs-rs does)")
        }
        lines.append("\(Report.count(reviews, "review")), \(Report.count(items, "training item")) (reviews a study day or more after the card's previous one)")
        func row(_ name: String, _ e: Evaluation) -> String {
            let column = name + String(repeating: " ", count: max(0, 10 - name.count))
            return column + " log loss \(number(e.logLoss))  RMSE (bins) \(number(e.rmseBins))  AUC \(number(e.auc))"
        }
        lines.append(row("default", before))
        lines.append(row("fitted", after))
        lines.append("Lower log loss and RMSE, higher AUC: better predictions of your recall. `optimize --apply` stores the fit.")
        return lines.joined(separator: "\n")
    }

    func printRetention(parameters: [Double]) {
        let result = OptimalRetention.find(parameters: parameters)
        if json {
            let rows = result.workloads.map { "{\"retention\":\(Self.number($0.retention)),\"workload\":\(Self.number($0.costPerCard))}" }
            let best = "\"retention\":\(Self.number(result.retention)),\"workload\":\(Self.number(result.costPerCard))"
            print("{" + best + ",\"compare\":[" + rows.joined(separator: ",") + "]}")
        } else {
            print("Desired retention with the least study time per card remembered: \(FixedDecimal.format(result.retention, digits: 2))")
            print("  (simulated: \(OptimalRetention.deckSize) new cards over \(OptimalRetention.days) days with your parameters;")
            print("   workload = seconds of study per card remembered at the end)")
            print("retention  workload")
            for row in [(result.retention, result.costPerCard)] + result.workloads.map({ ($0.retention, $0.costPerCard) }) {
                print(FixedDecimal.format(row.0, digits: 2) + "       " + FixedDecimal.format(row.1, digits: 1))
            }
        }
    }
}
