from prepkit.cli import main

raise SystemExit(main())
