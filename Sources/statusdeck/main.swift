import StatusDeckCLI

StatusDeckMain.run()
