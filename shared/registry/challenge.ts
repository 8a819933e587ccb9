/** One authentication challenge from `WWW-Authenticate` (RFC 7235 §4.1). */
export interface Challenge {
  /** Lower-cased scheme: `basic` or `bearer` for registries. */
  readonly scheme: string;
  /** Parameters with lower-cased names, e.g. `realm`, `service`, `scope`. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * Parse a `WWW-Authenticate` header into its challenges. Handles quoted strings with escapes,
 * unquoted values, and several challenges in one header (`Basic realm="x", Bearer realm="y"`).
 */
export function parseChallenges(header: string | undefined): Challenge[] {
  if (!header) return [];
  const challenges: {scheme: string; params: Record<string, string>}[] = [];
  let i = 0;
  const n = header.length;
  const skip = (): void => {
    while (i < n && (header[i] === ' ' || header[i] === '\t' || header[i] === ',')) i++;
  };
  const token = (): string => {
    const start = i;
    while (i < n && !' \t,="'.includes(header[i])) i++;
    return header.slice(start, i);
  };
  while (i < n) {
    skip();
    const word = token();
    if (word === '') {
      i++;
      continue;
    }
    let j = i;
    while (j < n && (header[j] === ' ' || header[j] === '\t')) j++;
    if (header[j] === '=' && challenges.length > 0) {
      // A parameter of the current challenge.
      i = j + 1;
      while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
      challenges[challenges.length - 1].params[word.toLowerCase()] = value();
    } else {
      challenges.push({scheme: word.toLowerCase(), params: {}});
    }
  }
  return challenges;

  function value(): string {
    if (header![i] !== '"') return token();
    i++;
    let out = '';
    while (i < n && header![i] !== '"') {
      if (header![i] === '\\' && i + 1 < n) i++;
      out += header![i++];
    }
    i++;
    return out;
  }
}

/** The bearer challenge if there is one, else the basic one, else undefined. */
export function preferredChallenge(challenges: readonly Challenge[]): Challenge | undefined {
  return challenges.find(c => c.scheme === 'bearer') ?? challenges.find(c => c.scheme === 'basic');
}
