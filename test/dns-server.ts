import dns2 from 'dns2';

// A DNS server on loopback that answers TXT queries from a table the test fills: the sending-domain checks and
// DKIM verification read real DNS answers (UDP and TCP on one port, as a resolver retries a long answer over TCP).

export type TTestDns = {
  /** `ip:port`, for DNS_SERVERS and a Resolver's setServers. */
  server: string;
  /** Publishes TXT records at a name (each record as its strings); an empty list removes them. */
  setTxt(name: string, records: string[][]): void;
  close(): Promise<void>;
};

export async function startTestDns(): Promise<TTestDns> {
  const zone = new Map<string, string[][]>();
  const { Packet } = dns2;
  const handle = (request: InstanceType<typeof Packet>, send: (response: InstanceType<typeof Packet>) => Promise<Buffer>) => {
    const response = Packet.createResponseFromRequest(request);
    const [question] = request.questions;
    const records = question && question.type === Packet.TYPE.TXT ? zone.get(question.name.toLowerCase()) : undefined;
    if (!records) response.header.rcode = 3; // NXDOMAIN
    for (const data of records ?? []) {
      response.answers.push({ name: question!.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 60, data } as never);
    }
    void send(response);
  };
  // A free UDP port, then TCP on the same number.
  const udp = dns2.createUDPServer(handle as never);
  await udp.listen(0, '127.0.0.1');
  const port = udp.address().port;
  const tcp = dns2.createTCPServer(handle as never);
  await new Promise<void>((resolve) => tcp.listen(port, '127.0.0.1', resolve));
  return {
    server: `127.0.0.1:${port}`,
    setTxt: (name, records) => (records.length === 0 ? zone.delete(name.toLowerCase()) : zone.set(name.toLowerCase(), records)),
    close: async () => {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}
