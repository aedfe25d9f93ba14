; Inno Setup script: `python packaging/build.py windows` runs it as
;   iscc /DAppVersion=X.Y.Z /DSourceDir=dist\dyslexic-writer /Odist packaging\windows\dyslexic-writer.iss
; A per-user install (no administrator rights), with a Start-menu entry and an uninstaller.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\dyslexic-writer"
#endif

[Setup]
AppId={{6C0B7E1C-2F7A-4D59-9B7D-3E1D5A0C9D21}
AppName=Dyslexic Writer
AppVersion={#AppVersion}
AppPublisher=Dyslexic Writer
DefaultDirName={localappdata}\Programs\Dyslexic Writer
DefaultGroupName=Dyslexic Writer
PrivilegesRequired=lowest
OutputBaseFilename=dyslexic-writer-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
UninstallDisplayIcon={app}\dyslexic-writer.exe

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Dyslexic Writer"; Filename: "{app}\dyslexic-writer.exe"
Name: "{userdesktop}\Dyslexic Writer"; Filename: "{app}\dyslexic-writer.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\dyslexic-writer.exe"; Description: "Start Dyslexic Writer"; Flags: nowait postinstall skipifsilent
