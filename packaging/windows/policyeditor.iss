; Inno Setup script: a per-machine installer of the bundle in dist\policyeditor
; (built on Windows by packaging/build, with MinGit inside: see .github/workflows/installers.yml).
;
;   iscc /DVersion=0.1.0 packaging\windows\policyeditor.iss   ->  dist\PolicyEditor-0.1.0-setup.exe
;
; Silent install for Intune, SCCM/MECM or a GPO startup script (administrator rights):
;   PolicyEditor-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS /LOG="%TEMP%\policyeditor-setup.log"
; Silent uninstall:
;   "%ProgramFiles%\Policy Editor\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Optional: /TASKS="desktopicon" adds a desktop shortcut; /DIR="D:\Apps\Policy Editor" another folder.

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6F1C2B9E-4D7A-4E4B-9A57-3C1E0F5D8B21}
AppName=Policy Editor
AppVersion={#Version}
AppPublisher=policyeditor
AppPublisherURL=https://policyeditor.org
DefaultDirName={autopf}\Policy Editor
DefaultGroupName=Policy Editor
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=PolicyEditor-{#Version}-setup
SetupIconFile=..\..\build\icons\policyeditor.ico
UninstallDisplayIcon={app}\policyeditor-gui.exe
UninstallDisplayName=Policy Editor {#Version}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The installer adds its folder to the machine's PATH (policyeditor.exe for scripts).
ChangesEnvironment=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\policyeditor\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Policy Editor"; Filename: "{app}\policyeditor-gui.exe"
Name: "{autodesktop}\Policy Editor"; Filename: "{app}\policyeditor-gui.exe"; Tasks: desktopicon

[Registry]
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; ValueType: expandsz; \
  ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\policyeditor-gui.exe"; Description: "{cm:LaunchProgram,Policy Editor}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Paths: string;
begin
  if not RegQueryStringValue(HKLM, 'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', Paths) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Paths) + ';') = 0;
end;
