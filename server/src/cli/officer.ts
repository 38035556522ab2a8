/** Who ran a command, as the audit log names them: the officer's login on this machine (the one behind sudo). */
export function officerLogin(): string {
  return process.env.SUDO_USER || process.env.USER || 'unknown';
}
