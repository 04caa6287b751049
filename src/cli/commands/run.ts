export async function runCommand(..._a: unknown[]): Promise<number> { throw new Error("not yet built"); }
