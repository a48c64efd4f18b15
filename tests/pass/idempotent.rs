// The `idempotent` option, on verbs where it matters and where it is implied.

trait Jobs: upsun::Api {
    #[upsun::endpoint(POST, "/jobs/<job_id>/cancel", idempotent)]
    async fn cancel_job(&self, job_id: u64) -> upsun::Result<()>;

    #[upsun::endpoint(PATCH, "/jobs/<job_id>", idempotent)]
    async fn touch_job(&self, job_id: u64) -> upsun::Result<()>;

    #[upsun::endpoint(PUT, "/jobs/<job_id>", idempotent)]
    async fn put_job(&self, job_id: u64) -> upsun::Result<()>;
}

impl Jobs for upsun::Client {}

fn main() {}
