import { createApi, type components } from "@specforge/client";
import { NotFoundError } from "@specforge/runtime";

type User = components["schemas"]["User"];

export async function example(baseUrl = "http://127.0.0.1:4010"): Promise<User[]> {
  const api = createApi({ baseUrl, auth: { bearer: "my-access-token" } });

  // Operation-named surface, from tags and operationIds; throws typed errors.
  const page = await api.users.list({ params: { query: { page: 1, limit: 20, role: "admin" } } });
  for (const user of page.data) console.log(user.email);

  // Every item of every page, lazily (at most 50 here):
  const active: User[] = [];
  for await (const user of api.users.list.all({ params: { query: { active: true } } }, { limit: 50 })) active.push(user);

  // Typed errors carry the status, the error code and the request id:
  try {
    await api.users.get({ params: { path: { id: "00000000-0000-4000-8000-000000000000" } } }, { headers: { Prefer: "code=404" } });
  } catch (err) {
    if (err instanceof NotFoundError) console.log(err.status, err.code, err.requestId);
  }

  // The non-throwing openapi-fetch style stays available:
  const { data, error } = await api.raw.GET("/users/me");
  if (error) console.log(error.error.code);
  else console.log(data.data.name);

  return active;
}
