/** A clock for tests: stands still until told to move (advance) or jump (set). */
export class TestClock {
  private current: Date;

  constructor(start: string | Date) {
    this.current = new Date(start);
  }

  /** The current time, as a fresh Date (a caller that mutates it cannot move the clock). */
  readonly now = (): Date => new Date(this.current.getTime());

  set(time: string | Date): void {
    this.current = new Date(time);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
