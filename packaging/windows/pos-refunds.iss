; Inno Setup script: the Windows installer for POS Refunds, from the PyInstaller one-folder
; build. Build by hand (see the README's Installer section) or in CI
; (.github/workflows/installers.yml):
;
;   pyinstaller build.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\pos-refunds.iss
;
; Per-machine install into Program Files, a Start-menu entry, an optional desktop icon, an
; uninstaller in Settings > Apps, the version resource on the installer itself, and the
; self-test offered as the last step so IT sees its report at once.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=0.1.0 packaging\windows\pos-refunds.iss
#endif
#define AppName "POS Refunds"
#define AppExe "pos-refunds.exe"
#define SourceDir "..\..\dist\pos-refunds-" + AppVersion

[Setup]
; A fixed AppId: upgrades replace the installed version instead of installing beside it.
AppId={{6F1C7E3A-2B4D-4C6E-9A41-7D2E5B8C3F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=POS Refunds
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\..\resources\icons\pos-refunds.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=pos-refunds-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's bundle goes first, so no stale library outlives an upgrade.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{#AppName} self-test"; Filename: "{app}\{#AppExe}"; Parameters: "--self-test --show-report"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "--self-test --show-report"; Description: "Run the self-test now"; Flags: postinstall skipifsilent nowait
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: postinstall skipifsilent nowait unchecked

; The till's data (journal, staff list) and logs live in the user's folders and are kept on
; uninstall: removing the program must never remove the audit trail.
