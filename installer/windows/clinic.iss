; Inno Setup script for Clinic: a per-user install (no administrator rights).
; Build on Windows after PyInstaller (see installer/windows/README.md):
;   iscc installer\windows\clinic.iss
; Output: dist\Clinic-<version>-windows-setup.exe
;
; The program goes to %LOCALAPPDATA%\Programs\Clinic. The data folder
; (%LOCALAPPDATA%\Clinic) belongs to the user: installing, updating and uninstalling never
; touch it.

#define AppName "Clinic"
#define AppVersion "0.1.0"
#define Root "..\.."

[Setup]
; A fixed AppId: an update installs over the previous version instead of beside it.
AppId={{6B0F3D5E-3C1A-4C8E-9B7A-2F5D1E0C7A41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Clinic
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
OutputDir={#Root}\dist
OutputBaseFilename=Clinic-{#AppVersion}-windows-setup
SetupIconFile={#Root}\resources\icons\clinic.ico
UninstallDisplayIcon={app}\Clinic.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Files]
; The whole one-folder bundle. An update first removes the old program files (below), so no
; stale library from an older version is left beside the new ones.
Source: "{#Root}\dist\Clinic\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\Clinic.exe"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\Clinic.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\Clinic.exe"; Description: "Start Clinic"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder. %LOCALAPPDATA%\Clinic (the encrypted data) is deliberately kept.
Type: filesandordirs; Name: "{app}\_internal"
