import StatusDeckCLI

StatusDeckMain.start()
