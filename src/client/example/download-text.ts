/** A download's progress as the page writes it: "1.8 of 3.4 MB" (or "1.8 MB" with no total known). */
export function downloadedText(loaded: number, total: number | null): string {
  const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);
  return total ? `${megabytes(loaded)} of ${megabytes(total)} MB` : `${megabytes(loaded)} MB`;
}
