"""A local LanguageTool-compatible HTTP server, so the writer's other apps (LibreOffice, the browser
extension, Obsidian, VS Code's LTeX) get Dyslexic Writer's checks with no cloud.

Pure Python, no Qt: `form` and `annotated` read requests, `lt_json` writes LanguageTool's answers,
`utf16` counts offsets the way its clients do, `security` holds the loopback and origin rules,
`checking` owns the engine on one thread, and `httpd` ties them to the standard library's server.
"""
