mod interview_answers;
mod interview_hears;
mod interview_templates;
mod interview_walk;
