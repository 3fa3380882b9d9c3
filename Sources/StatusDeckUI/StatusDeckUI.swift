import StatusDeckCore

/// The pure quiz: state, messages, update and a view as a grid of cells. No terminal here.
public enum StatusDeckUI {}
