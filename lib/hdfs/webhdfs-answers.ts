// What WebHDFS answers mean, for every call the lab makes by its own HTTP (lib/hdfs/hdfs-client.ts and
// the failover read): where a redirect really goes, and why a call was refused.

/**
 * Where to send a read or a write the NameNode redirects (`Location`): the DataNode and query it names,
 * with the caller's own path (percent-encoded). The NameNode writes the redirect through Java's
 * URI.toASCIIString, which normalizes the path to NFC first: a name holding a Kelvin sign (U+212A), an
 * Ohm sign or a decomposed é would be created or read under another name. HDFS itself keeps names as
 * given (MKDIRS, LISTSTATUS and Hadoop's RPC client do), so the path must not go through the redirect.
 */
export function dataNodeUrl(location: string, path: string): string {
  const url = new URL(location);
  return `${url.origin}/webhdfs/v1${path}${url.search}`;
}

/** Hadoop's RemoteException message in a refusal's body; `otherwise` when the body is not that JSON. */
export function remoteMessage(body: string, otherwise: string): string {
  try {
    return (JSON.parse(body) as { RemoteException: { message: string } }).RemoteException.message;
  } catch {
    return otherwise;
  }
}
