from placement_desk.cli import main

raise SystemExit(main())
