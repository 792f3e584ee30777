/** How many model tokens are left this month; undefined when there is no limit. */
export interface TokenBudget {
  remaining(): Promise<number | undefined>;
  record(tokens: number): Promise<void>;
  close?(): Promise<void>;
}
