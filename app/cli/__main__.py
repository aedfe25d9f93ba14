from dyslexic_writer.cli import main

raise SystemExit(main())
