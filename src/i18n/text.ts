/**
 * A title placed inside a sentence ("Vem ansvarar för personuppgiftsincidenter och anmälan till IMY?"):
 * only the first letter is lowered, and not even that when the first word is an acronym (IT-säkerhet,
 * NIS2, RSA). Lower-casing the whole title turned IMY, NIS2 and RSA into "imy", "nis2" and "rsa".
 */
export function inSentence(title: string): string {
  const first = /^\S+/.exec(title)?.[0] ?? '';
  if (/^\p{Lu}[\p{Lu}\p{N}]+(?:[-–:]|$)/u.test(first)) return title;
  return title.charAt(0).toLocaleLowerCase('sv') + title.slice(1);
}
