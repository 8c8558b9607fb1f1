// An error as a sentence with the stable code for support.
export function ErrorText({ error }) {
  if (!error) return null;
  const code = error.code ? `${error.code}: ` : '';
  return <p className="error" role="alert">{code}{error.message}</p>;
}
