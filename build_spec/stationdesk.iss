; Inno Setup 6 script: a per-user installer for the one-folder build in dist\StationDesk.
;   iscc /DAppVersion=0.1.0 build_spec\stationdesk.iss   ->  dist\StationDesk-0.1.0-setup.exe
; build_spec\windows-build.yml runs it after PyInstaller and the self-test.
; No administrator rights are needed: the program goes to %LOCALAPPDATA%\Programs\StationDesk.
; Uninstalling removes only what was installed; the data folder (%LOCALAPPDATA%\StationDesk:
; the database, backups and logs) is never touched.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
; Inno Setup 6 ships Chinese only from some versions on; without it the wizard is in English.
#define ChineseIsl CompilerPath + "Languages\ChineseSimplified.isl"

[Setup]
AppId={{3F6B2C1E-8D4A-4B7E-9C21-5A0D7E4F6B93}
AppName=社工站工作台
AppVersion={#AppVersion}
AppVerName=社工站工作台 {#AppVersion}
AppPublisher=Station Desk
DefaultDirName={autopf}\StationDesk
DefaultGroupName=社工站工作台
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=StationDesk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\stationdesk.ico
UninstallDisplayIcon={app}\StationDesk.exe
UninstallDisplayName=社工站工作台
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The app may be running while it is updated or removed: ask to close it.
CloseApplications=yes

[Languages]
#if FileExists(ChineseIsl)
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
#else
  #pragma warning "ChineseSimplified.isl is not in Inno Setup's Languages folder: the wizard will be in English"
Name: "english"; MessagesFile: "compiler:Default.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\StationDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\社工站工作台"; Filename: "{app}\StationDesk.exe"
Name: "{autodesktop}\社工站工作台"; Filename: "{app}\StationDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\StationDesk.exe"; Description: "{cm:LaunchProgram,社工站工作台}"; Flags: nowait postinstall skipifsilent
