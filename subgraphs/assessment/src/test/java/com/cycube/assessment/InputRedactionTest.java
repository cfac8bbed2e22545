package com.cycube.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.cycube.assessment.answers.AnswersDataFetcher.SubmitAnswerInput;
import com.cycube.assessment.questions.QuestionDraft.OptionDraft;
import com.cycube.assessment.questions.QuestionKind;
import com.cycube.assessment.questions.QuestionsDataFetcher.CreateQuestionInput;
import com.cycube.assessment.questions.QuestionsDataFetcher.UpdateQuestionInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs carrying answer keys or answers never print them, whatever logs or reports an input by accident. */
class InputRedactionTest {

    private static final String FLAG = "CTF{printed-nowhere}";

    @Test
    void question_inputs_print_no_flag_correct_option_or_numeric_answer() {
        CreateQuestionInput create = new CreateQuestionInput("cube-1", QuestionKind.FLAG, "prompt",
                List.of(new OptionDraft("right one", true)), FLAG, true, 4242.5, 0.5, 10, 3, List.of(), 0);
        UpdateQuestionInput update = new UpdateQuestionInput("q-1", "prompt", List.of(new OptionDraft("right one", true)),
                FLAG, true, 4242.5, 0.5, 10, 3, List.of(), 0);
        assertThat(List.of(create.toString(), update.toString())).allSatisfy(printed -> assertThat(printed)
                .doesNotContain(FLAG).doesNotContain("4242.5").doesNotContain("right one").doesNotContain("true"));
    }

    @Test
    void an_answer_input_prints_no_answer() {
        assertThat(new SubmitAnswerInput("q-1", List.of("option-7"), FLAG, 4242.5, "my free text").toString())
                .contains("q-1").doesNotContain(FLAG).doesNotContain("option-7").doesNotContain("4242.5")
                .doesNotContain("my free text");
    }
}
