import StatusDeckCLI

StatusDeckCommand.main()
