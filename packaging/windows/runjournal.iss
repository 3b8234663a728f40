; Inno Setup script for RunJournal on Windows (Inno Setup 6).
; Build the bundle first on Windows with `python packaging\build.py` (dist\RunJournal\RunJournal.exe
; and packaging\build\icons\runjournal.ico), then compile this script:
;   iscc packaging\windows\runjournal.iss
; which writes dist\RunJournal-<version>-setup.exe. It installs per user by default (no
; administrator rights needed), adds a Start-menu entry and, if chosen, a desktop shortcut.
; Uninstalling removes the program and keeps the journal in %LOCALAPPDATA%\RunJournal.
; Not built by this project's CI (it runs on Linux); kept correct by review.

#define AppName "RunJournal"
#define AppVersion "0.1.0"
#define AppExe "RunJournal.exe"

[Setup]
AppId={{6F0D8B7A-2C4E-4B59-9E51-7A3D2C1B0E42}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=RunJournal
AppComments=A journal for people who run to feel better. A wellness journal, not a medical device.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=..\build\icons\runjournal.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\RunJournal\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "RunJournal.RunJournal"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; AppUserModelID: "RunJournal.RunJournal"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
