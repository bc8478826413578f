; cxserver's part of the CPack NSIS installer (cmake/CxPackaging.cmake includes this file
; through CPACK_NSIS_DEFINES and calls the macros from the CPack template's hooks).
;
; Layout: $INSTDIR\bin\cxserver.exe (+ Qt and cxcore DLLs), $INSTDIR\lib\cxserver\plugins,
; $INSTDIR\share\cxserver\*.conf (samples). The configuration lives in
; %ProgramData%\cxserver\cxserver.conf: created from the sample on the first install only,
; kept on upgrade and on uninstall.

!define CX_SERVICE_EXE "$INSTDIR\bin\cxserver.exe"
!define CX_CONFIG_DIR "$CxProgramData\cxserver"
!define CX_CONFIG_FILE "$CxProgramData\cxserver\cxserver.conf"

; %ProgramData%, read from the environment by each macro that needs it
Var CxProgramData

!macro CxReadProgramData
  ReadEnvStr $CxProgramData "ProgramData"
  StrCmp $CxProgramData "" 0 +2
    StrCpy $CxProgramData "C:\ProgramData"
!macroend

; Before the files are copied: an upgrade stops the running service, whose files are in use.
!macro CxServiceBeforeInstall
  !insertmacro CxReadProgramData
  IfFileExists "${CX_SERVICE_EXE}" 0 cx_no_previous
    DetailPrint "Stopping the cxserver service for the upgrade"
    nsExec::ExecToLog '"${CX_SERVICE_EXE}" stop'
    Pop $0
  cx_no_previous:
!macroend

; After the files are copied: keep or create the configuration, register and start.
!macro CxServiceAfterInstall
  !insertmacro CxReadProgramData
  CreateDirectory "${CX_CONFIG_DIR}"
  IfFileExists "${CX_CONFIG_FILE}" cx_config_kept 0
    DetailPrint "Creating ${CX_CONFIG_FILE} from the sample"
    CopyFiles /SILENT "$INSTDIR\share\cxserver\cxserver-sample.conf" "${CX_CONFIG_FILE}"
    Goto cx_config_done
  cx_config_kept:
    DetailPrint "Keeping the existing ${CX_CONFIG_FILE}"
  cx_config_done:

  ; Registers the service (or updates its command line), its recovery actions and the
  ; Event Log source.
  nsExec::ExecToLog '"${CX_SERVICE_EXE}" install --config "${CX_CONFIG_FILE}"'
  Pop $0
  StrCmp $0 "0" +2 0
    MessageBox MB_OK|MB_ICONEXCLAMATION "Registering the cxserver service failed ($0)."

  ; The configuration holds secrets: only SYSTEM, Administrators and the service's own
  ; account (NT SERVICE\cxserver, which exists now) may read it.
  nsExec::ExecToLog 'icacls "${CX_CONFIG_DIR}" /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F "NT SERVICE\cxserver:(OI)(CI)RX"'
  Pop $0

  nsExec::ExecToLog '"${CX_SERVICE_EXE}" start'
  Pop $0
  StrCmp $0 "0" +2 0
    MessageBox MB_OK|MB_ICONINFORMATION "The cxserver service did not start ($0): edit ${CX_CONFIG_FILE}, then run: cxserver start (as administrator). The Event Log (source cxserver) says why."
!macroend

; Before the files are removed: stop and delete the service. The configuration stays.
!macro CxServiceBeforeUninstall
  nsExec::ExecToLog '"$INSTDIR\bin\cxserver.exe" uninstall'
  Pop $0
!macroend
