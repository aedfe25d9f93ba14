from dyslexic_writer.training.cli import main

raise SystemExit(main())
