// An error as a sentence with the stable code for support.
export function ErrorText({ error }) {
  if (!error) return null;
  if (error.missingFromApi) {
    return <p className="error" role="alert">NOT_AVAILABLE: this marketplace server does not offer this yet ({error.message}).</p>;
  }
  const code = error.code ? `${error.code}: ` : '';
  return <p className="error" role="alert">{code}{error.message}</p>;
}
