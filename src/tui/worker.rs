//! The analysis worker: one thread that computes the uncertainty band
//! (`Effect::Analyse`) and the studies the analysis views wait for
//! (`Effect::Study`: the tornado's sensitivity, break-even) off the key path,
//! and sends each answer back as a message (`Msg::Analysed`, `Msg::Studied`).
//!
//! One job at a time; a newer request for a plan replaces its request of the
//! same kind still waiting (the superseded one is never run), and the app
//! drops an answer about a revision that is no longer current.

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::app::session::{DocId, Study, analyse, study};
use crate::app::{Effect, Msg};
use crate::model::{Catalog, Scenario};

/// What a job computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Work {
    Band,
    Study(Study),
}

struct Job {
    doc: DocId,
    generation: u64,
    plan: Box<Scenario>,
    work: Work,
}

impl Job {
    /// The job an effect asks for, or the effect back when it is not one.
    fn of(effect: Effect) -> Result<Job, Effect> {
        match effect {
            Effect::Analyse {
                doc,
                generation,
                plan,
            } => Ok(Job {
                doc,
                generation,
                plan,
                work: Work::Band,
            }),
            Effect::Study {
                doc,
                generation,
                plan,
                study,
            } => Ok(Job {
                doc,
                generation,
                plan,
                work: Work::Study(study),
            }),
            other => Err(other),
        }
    }

    /// The job as the effect it came from (handed back without a thread).
    fn into_effect(self) -> Effect {
        let Job {
            doc,
            generation,
            plan,
            work,
        } = self;
        match work {
            Work::Band => Effect::Analyse {
                doc,
                generation,
                plan,
            },
            Work::Study(study) => Effect::Study {
                doc,
                generation,
                plan,
                study,
            },
        }
    }

    fn run(self, catalog: &Catalog) -> Msg {
        match self.work {
            Work::Band => Msg::Analysed {
                doc: self.doc,
                generation: self.generation,
                simulation: analyse(&self.plan).map(Box::new),
            },
            Work::Study(s) => Msg::Studied {
                doc: self.doc,
                generation: self.generation,
                findings: Box::new(study(&self.plan, catalog, s)),
            },
        }
    }
}

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    stop: bool,
}

type Shared = Arc<(Mutex<Queue>, Condvar)>;

pub struct Worker {
    shared: Shared,
    thread: Option<JoinHandle<()>>,
}

/// Where the answers go, and how long each job took (for the bench and the
/// "band catches up within 50 ms" check).
pub type Reply = Box<dyn Fn(Msg, Duration) + Send>;

impl Worker {
    /// Starts the thread; `catalog` is what the break-even study compares
    /// the plan against (the app's catalog).
    pub fn start(reply: Reply, catalog: Catalog) -> Self {
        let shared: Shared = Arc::default();
        let theirs = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("runcost-analysis".into())
            .spawn(move || run(&theirs, &reply, &catalog))
            .ok();
        Worker { shared, thread }
    }

    /// Queues an `Effect::Analyse` or `Effect::Study`, replacing a request
    /// of the same kind for the same plan that has not started; hands any
    /// other effect back. Without a thread (it could not be started) the
    /// job is handed back too, for the caller to run.
    pub fn submit(&self, effect: Effect) -> Result<(), Effect> {
        let job = Job::of(effect)?;
        if self.thread.is_none() {
            return Err(job.into_effect());
        }
        let (lock, ready) = &*self.shared;
        let mut q = lock.lock().unwrap_or_else(|p| p.into_inner());
        q.jobs.retain(|j| (j.doc, j.work) != (job.doc, job.work));
        q.jobs.push_back(job);
        ready.notify_one();
        Ok(())
    }

    /// Stops the thread (after the job it is running, if any).
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        let (lock, ready) = &*self.shared;
        lock.lock().unwrap_or_else(|p| p.into_inner()).stop = true;
        ready.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.stop();
    }
}

fn run(shared: &Shared, reply: &Reply, catalog: &Catalog) {
    let (lock, ready) = &**shared;
    loop {
        let job = {
            let mut q = lock.lock().unwrap_or_else(|p| p.into_inner());
            loop {
                if q.stop {
                    return;
                }
                if let Some(job) = q.jobs.pop_front() {
                    break job;
                }
                q = ready.wait(q).unwrap_or_else(|p| p.into_inner());
            }
        };
        let started = Instant::now();
        let answer = job.run(catalog);
        reply(answer, started.elapsed());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::analysis::metric::Metric;
    use std::sync::mpsc;

    fn plan_with_ranges() -> Scenario {
        let catalog = crate::codec::catalog::builtin();
        let t = crate::store::plans::template(crate::store::plans::DEFAULT_TEMPLATE).unwrap();
        let mut plan = crate::store::plans::load_template_on(t, &catalog, None).unwrap();
        let v = plan.workload.requests_per_day;
        plan.uncertainty.push(crate::model::UncertainRange {
            field: crate::model::fields::PlanField::RequestsPerDay
                .spec()
                .path
                .into(),
            low: v * 0.5,
            high: v * 1.5,
        });
        plan
    }

    /// A worker that sends its answers here, each with the thread that
    /// computed it.
    fn answering() -> (Worker, mpsc::Receiver<(Msg, std::thread::ThreadId)>) {
        let (tx, rx) = mpsc::channel();
        let worker = Worker::start(
            Box::new(move |msg, _| {
                let _ = tx.send((msg, std::thread::current().id()));
            }),
            crate::codec::catalog::builtin(),
        );
        (worker, rx)
    }

    /// The worker's next answer, computed on another thread than this one.
    fn next_answer(rx: &mpsc::Receiver<(Msg, std::thread::ThreadId)>) -> Msg {
        let (msg, on) = rx.recv_timeout(Duration::from_secs(60)).expect("answer");
        let caller = std::thread::current().id();
        assert_ne!(on, caller, "computed off the caller's thread");
        msg
    }

    #[test]
    fn the_band_comes_back_as_a_message_from_another_thread() {
        let (worker, rx) = answering();
        let plan = plan_with_ranges();
        let expected = analyse(&plan).expect("a band");
        worker
            .submit(Effect::Analyse {
                doc: DocId(7),
                generation: 3,
                plan: Box::new(plan),
            })
            .expect("taken");
        let (doc, generation, simulation) = match next_answer(&rx) {
            Msg::Analysed {
                doc,
                generation,
                simulation,
            } => (doc, generation, simulation),
            other => panic!("{other:?}"),
        };
        assert_eq!((doc, generation), (DocId(7), 3));
        assert_eq!(simulation.as_deref(), Some(&expected));
        worker.finish();
    }

    #[test]
    fn a_newer_request_replaces_the_one_waiting() {
        let (tx, rx) = mpsc::channel();
        // Hold the first job until released, so the next two queue up.
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let go = Mutex::new(go_rx);
        let worker = Worker::start(
            Box::new(move |msg, _| {
                let _ = go.lock().unwrap().recv_timeout(Duration::from_secs(60));
                let _ = tx.send(msg);
            }),
            crate::codec::catalog::builtin(),
        );
        let ask = |generation| Effect::Analyse {
            doc: DocId(1),
            generation,
            plan: Box::new(plan_with_ranges()),
        };
        worker.submit(ask(1)).expect("taken");
        // Wait until the worker took job 1 (its queue is empty again).
        let deadline = Instant::now() + Duration::from_secs(60);
        while !worker.shared.0.lock().unwrap().jobs.is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(1));
        }
        worker.submit(ask(2)).expect("taken");
        worker.submit(ask(3)).expect("taken");
        for _ in 0..3 {
            let _ = go_tx.send(());
        }
        let generations: Vec<u64> = (0..2)
            .map(
                |_| match rx.recv_timeout(Duration::from_secs(60)).expect("answer") {
                    Msg::Analysed { generation, .. } => generation,
                    other => panic!("{other:?}"),
                },
            )
            .collect();
        assert_eq!(generations, [1, 3], "request 2 was superseded by 3");
        worker.finish();
        assert!(rx.try_recv().is_err(), "nothing else was computed");
    }

    #[test]
    fn a_study_comes_back_as_a_message_from_another_thread() {
        let (worker, rx) = answering();
        let catalog = crate::codec::catalog::builtin();
        let plan = plan_with_ranges();
        for s in [Study::Sensitivity(Metric::Tco), Study::Breakeven] {
            worker
                .submit(Effect::Study {
                    doc: DocId(2),
                    generation: 5,
                    plan: Box::new(plan.clone()),
                    study: s,
                })
                .expect("taken");
            let Msg::Studied {
                doc,
                generation,
                findings,
            } = next_answer(&rx)
            else {
                panic!("not a study's answer");
            };
            assert_eq!((doc, generation), (DocId(2), 5));
            assert_eq!(*findings, study(&plan, &catalog, s));
        }
        worker.finish();
    }

    #[test]
    fn other_effects_are_handed_back() {
        let worker = Worker::start(Box::new(|_, _| {}), crate::codec::catalog::builtin());
        assert!(matches!(worker.submit(Effect::Quit), Err(Effect::Quit)));
    }
}
