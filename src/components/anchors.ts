/** What each sentence anchor of Q153066 says, for links from the simulations back to the text. */
export const q153066Anchors: Record<string, string> = {
  symptoms: 'Symptoms',
  'symptom-ipc-remains': 'Symptoms — IPC$ stays after the share is disconnected',
  'symptom-connect-as': 'Symptoms — the administrator’s CONNECT AS story',
  'symptom-licence': 'Symptoms — the leftover connection holds a licence',
  'symptom-autodisconnect': 'Symptoms — autodisconnect removes it after 15 idle minutes',
  resolution: 'Resolution',
  'resolution-stop-logging': 'Resolution — stop the License Logging service',
  'resolution-nt4': 'Resolution — NT 4.0 drops IPC$ right after validation',
  'more-information': 'More information',
  'info-user-shown': 'More information — the user’s name is shown while the share is held',
  'info-computer-name': 'More information — then the computer’s name is shown',
  'info-no-credentials': 'More information — the leftover IPC$ carries no credentials',
};
