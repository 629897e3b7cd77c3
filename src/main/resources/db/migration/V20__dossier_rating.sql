-- Đánh giá mức độ hài lòng: the applicant's rating of the service once the result is returned, with a comment.
alter table dossier add column rating_comment text;
alter table dossier add column rated_at timestamptz;
