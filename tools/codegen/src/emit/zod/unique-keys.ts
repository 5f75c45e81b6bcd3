/** Object keys made unique in first-come order: a second `key` becomes `alternative`, then `alternative #2`, … */
export class UniqueKeys {
  private readonly used = new Set<string>();

  claim(key: string, alternative: string): string {
    let k = this.used.has(key) ? alternative : key;
    for (let i = 2; this.used.has(k); i++) k = `${alternative} #${i}`;
    this.used.add(k);
    return k;
  }
}
