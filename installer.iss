; Placement Desk - Windows installer (Inno Setup 6.3 or later).
;
; Build the PyInstaller bundle first (dist\placement-desk\, see packaging\placement_desk.spec), then:
;   iscc /DMyAppVersion=<placement_desk.__version__> installer.iss
; (`make dist` passes the version itself.) The result is dist\PlacementDesk-Setup-<version>.exe.
;
; Per-user install, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\Placement Desk.
; The user's data (database, its backups, logs) lives in %LOCALAPPDATA%\PlacementDesk - local, never
; roaming or OneDrive-synced - and survives an uninstall unless the user chooses to delete it.

#ifndef MyAppVersion
  #error Pass the version: iscc /DMyAppVersion=<placement_desk.__version__> installer.iss
#endif
#if MyAppVersion == ""
  #error MyAppVersion is empty: pass /DMyAppVersion=<placement_desk.__version__>
#endif

#define MyAppName "Placement Desk"
#define MyAppPublisher "Placement Desk"
#define MyAppExeName "placement-desk.exe"
#define MyAppBundle "dist\placement-desk"
; The folder the app keeps its data in (platformdirs: user_data_dir("PlacementDesk"), local).
#define MyAppDataDir "{localappdata}\PlacementDesk"

[Setup]
AppId={{6F0B2C5E-3D7A-4B8E-9C61-2A5D4E8F7B13}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppVerName={#MyAppName} {#MyAppVersion}
AppPublisher={#MyAppPublisher}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\{#MyAppName}
DefaultGroupName={#MyAppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile=resources\icons\placement-desk.ico
UninstallDisplayIcon={app}\{#MyAppExeName}
UninstallDisplayName={#MyAppName}
OutputDir=dist
OutputBaseFilename=PlacementDesk-Setup-{#MyAppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
danish.DeleteUserData=Vil du også slette dine data (databasen med borgere, forløb og fremmøde, sikkerhedskopier og log) i%n%n%1?%n%nVælg Nej for at beholde dem, fx til en senere geninstallation.
english.DeleteUserData=Do you also want to delete your data (the database of citizens, placements and attendance, its backups and the log) in%n%n%1?%n%nChoose No to keep them, for example for a later reinstall.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the bundle's libraries wholesale: no stale modules from the previous version.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#MyAppBundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"
Name: "{autodesktop}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#MyAppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(MyAppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

[Code]
{ Uninstalling keeps the user's data unless they answer Yes (the default button is No; a silent
  uninstall never deletes it). The settings in HKCU\Software\PlacementDesk go with the data. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  DataDir := ExpandConstant('{#MyAppDataDir}');
  if not DirExists(DataDir) then
    Exit;
  if UninstallSilent then
    Exit;
  if SuppressibleMsgBox(FmtMessage(CustomMessage('DeleteUserData'), [DataDir]),
       mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
  begin
    DelTree(DataDir, True, True, True);
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\PlacementDesk');
  end;
end;
