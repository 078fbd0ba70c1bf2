import type { ServerClient } from "../server-client.js";
import { callService } from "./call-service.js";
import type { ServerClientConfig } from "./config.js";
import type { ServiceMethod, ServiceMethodName } from "./service-method.js";
import { SERVICE_METHODS } from "./service-methods.js";

/** The methods of {@link ServerClient} the method table defines. */
export type ServiceMethods = Pick<ServerClient, ServiceMethodName>;

/**
 * Turns every row of the method table into a method of one client: the arguments are checked
 * (a malformed one rejects with `invalid_argument`, nothing sent), then the call is sent.
 */
export function bindServiceMethods(config: ServerClientConfig): ServiceMethods {
  const methods: Partial<Record<ServiceMethodName, (...args: never[]) => Promise<unknown>>> = {};
  for (const name of Object.keys(SERVICE_METHODS) as ServiceMethodName[]) {
    const method: ServiceMethod<never[], unknown> = SERVICE_METHODS[name];
    methods[name] = bindServiceMethod(config, method);
  }
  return methods as ServiceMethods;
}

function bindServiceMethod<Args extends unknown[], Result>(
  config: ServerClientConfig,
  method: ServiceMethod<Args, Result>,
): (...args: Args) => Promise<Result> {
  const { clientId } = config;
  return async (...args) => callService(config, method, method.request(clientId, ...args));
}
