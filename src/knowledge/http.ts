import type { JsonSchema } from '../types.js';

/** HTTP: where responses are written (sinks) and which calls go out over the network (clients). */
export interface HttpKnowledge {
  /** Methods on a response object that send a body: `res.json`, `reply.send`, `c.json`. */
  responseMethods: string[];
  /** Names of response objects in handlers: `res`, `reply`, `response`, `c`, `ctx`. */
  responseReceivers: string[];
  /** Exception classes whose message reaches the client: `HttpException`, `TRPCError`. */
  publicExceptions: string[];
  /** Outbound HTTP clients: module names (`axios`, `got`, `undici`) and global functions (`fetch`). */
  clientModules: string[];
  clientFunctions: string[];
}

export const defaultHttp: HttpKnowledge = {
  responseMethods: ['json', 'send', 'end', 'write', 'jsonp', 'render', 'text', 'html', 'body'],
  responseReceivers: ['res', 'response', 'reply', 'rep', 'c', 'ctx', 'context', 'h'],
  publicExceptions: [
    'HttpException', 'BadRequestException', 'UnauthorizedException', 'ForbiddenException', 'NotFoundException',
    'ConflictException', 'UnprocessableEntityException', 'InternalServerErrorException', 'ServiceUnavailableException',
    'BadGatewayException', 'GatewayTimeoutException', 'NotAcceptableException', 'RequestTimeoutException',
    'GoneException', 'PayloadTooLargeException', 'UnsupportedMediaTypeException', 'MethodNotAllowedException',
    'NotImplementedException', 'ImATeapotException', 'PreconditionFailedException', 'MisdirectedException',
    'TRPCError', 'GraphQLError', 'HTTPException', 'HttpError',
  ],
  clientModules: ['axios', 'got', 'ky', 'undici', 'superagent', 'node-fetch', 'cross-fetch', 'node:http', 'node:https', 'http', 'https', 'ofetch'],
  clientFunctions: ['fetch'],
};

export const httpSchema: JsonSchema = {
  type: 'object',
  description: 'HTTP response sinks and outbound clients, added to the built-in ones.',
  additionalProperties: false,
  properties: {
    responseMethods: { type: 'array', items: { type: 'string' }, description: 'Response methods that send a body.' },
    responseReceivers: { type: 'array', items: { type: 'string' }, description: 'Names of response objects.' },
    publicExceptions: { type: 'array', items: { type: 'string' }, description: 'Exception classes whose message is sent to the client.' },
    clientModules: { type: 'array', items: { type: 'string' }, description: 'Modules that make outbound HTTP calls.' },
    clientFunctions: { type: 'array', items: { type: 'string' }, description: 'Global functions that make outbound HTTP calls.' },
  },
};
