from policyeditor.cli import main

raise SystemExit(main())
