/** A rejection handler that turns the listed errno codes into `value` and rethrows anything else. */
export function ifCode<T>(codes: string[], value: T) {
  return (error: NodeJS.ErrnoException): T => {
    if (error.code && codes.includes(error.code)) return value;
    throw error;
  };
}

/** A file that is not there (yet, or any more) is `value`; other failures propagate. */
export const ifMissing = <T>(value: T) => ifCode(['ENOENT'], value);
