/**
 * The ceiling: node:http answering every request with the platform's captured response bytes. It
 * reads the request body to its end, as any server must before it can answer on a kept-alive connection.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { announceListening, failStart } from './announce';

const [file] = process.argv.slice(2);

try {
  const body = readFileSync(file);
  const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) };
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, headers);
      response.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => announceListening(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`));
} catch (error) {
  failStart(error);
}
